package dev.p2pcopy.desktop.send;

import dev.p2pcopy.desktop.format.TransferTexts;
import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.desktop.transfers.Direction;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.util.List;

/**
 * The Send screen's own sentences: the chooser's sizes and notices, and the status line. A
 * transfer's state, figures and result use the shared {@link TransferTexts}.
 */
final class SendTexts {
    static final String GETTING_CODE = "Getting a code from the relay…";
    static final String COUNTING = "counting…";
    static final String NOTHING_CHOSEN = "Nothing chosen yet.";

    private SendTexts() {}

    /**
     * What happens now, for the line under the code and above the bar. The code exists once the
     * relay has opened the room, so from then on the sender is waiting for the receiver even
     * before the engine reports it.
     */
    static String status(TransferState state, boolean hasCode, TransferProgress progress) {
        TransferState shown = state == TransferState.CONNECTING && hasCode ? TransferState.WAITING_FOR_PEER : state;
        return TransferTexts.state(Direction.SEND, shown, progress);
    }

    /** The size column of one row: "12.0 MiB", "Folder · 5 files · 12.0 MiB", "counting…". */
    static String rowSize(PathSize size) {
        if (!size.complete()) {
            return size.files() == 0 ? COUNTING : COUNTING + " " + files(size.files()) + " so far";
        }
        if (!size.folder()) {
            return Units.size(size.bytes());
        }
        return size.files() == 0
                ? "Empty folder"
                : "Folder · " + files(size.files()) + " · " + Units.size(size.bytes());
    }

    /** The line below the list: "2 items · 5 files · 12.0 MiB", or that counting goes on. */
    static String summary(List<SendEntry> entries) {
        if (entries.isEmpty()) {
            return NOTHING_CHOSEN;
        }
        long files = 0;
        long bytes = 0;
        boolean complete = true;
        for (SendEntry e : entries) {
            PathSize size = e.sizeProperty().get();
            files += size.files();
            bytes += size.bytes();
            complete &= size.complete();
        }
        String items = entries.size() + (entries.size() == 1 ? " item" : " items");
        return complete
                ? items + " · " + files(files) + " · " + Units.size(bytes)
                : items + " · " + COUNTING + " (" + files(files) + ", " + Units.size(bytes) + " so far)";
    }

    /** One sentence for what could not be added: the first problem, and how many more there were. */
    static String notice(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        String first = problems.get(0);
        int more = problems.size() - 1;
        return more == 0
                ? first
                : first.substring(0, first.length() - 1) + " (and " + more + " more "
                        + (more == 1 ? "item was" : "items were") + " not added).";
    }

    private static String files(long count) {
        return Units.files((int) Math.min(count, Integer.MAX_VALUE));
    }
}
