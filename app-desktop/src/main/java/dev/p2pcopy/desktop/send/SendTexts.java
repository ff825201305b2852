package dev.p2pcopy.desktop.send;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.util.List;

/** The sentences and figures the Send screen shows, so that wording lives in one place. */
final class SendTexts {
    static final String GETTING_CODE = "Getting a code from the relay…";
    static final String COUNTING = "counting…";
    static final String NOTHING_CHOSEN = "Nothing chosen yet.";

    private SendTexts() {}

    /** What happens now, for the line under the code. */
    static String status(TransferState state, boolean hasCode) {
        return switch (state) {
            case CONNECTING -> hasCode ? "Waiting for the receiver…" : GETTING_CODE;
            case WAITING_FOR_PEER -> "Waiting for the receiver…";
            case HANDSHAKE -> "Securing the connection…";
            case AWAITING_ACCEPT -> "Waiting for the receiver to accept…";
            case TRANSFERRING -> "Sending…";
            case RECONNECTING -> "The connection was lost; reconnecting…";
            case DONE -> "Sent";
            case CANCELLED -> "Cancelled.";
            case FAILED -> "The transfer failed.";
        };
    }

    /** "12.0 MiB of 40.0 MiB · 24.1 MB/s · 2 s left"; "Starting…" until the receiver confirms bytes. */
    static String progress(TransferProgress p) {
        if (p.totalBytes() == 0 && p.verifiedBytes() == 0) {
            return "Starting…";
        }
        String text = Units.size(p.verifiedBytes()) + " of " + Units.size(p.totalBytes());
        if (p.bytesPerSecond() > 0) {
            text += " · " + Units.rate(p.bytesPerSecond());
        }
        return text + p.eta().map(eta -> " · " + Units.whole(eta) + " left").orElse("");
    }

    /** "3 files, 12.0 MiB in 4.2 s". */
    static String done(TransferResult result) {
        return Units.files(result.fileCount()) + ", " + Units.size(result.bytes()) + " in "
                + Units.elapsed(result.elapsed());
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
