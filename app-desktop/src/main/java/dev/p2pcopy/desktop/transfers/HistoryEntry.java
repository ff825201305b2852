package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * One interrupted transfer as {@link TransferHistory} keeps it across restarts of the app: enough
 * to list it again and to resume it (the engine finds the verified offset on the disk itself).
 *
 * @param direction send or receive
 * @param sources what a sender sent; empty for a receiver
 * @param folder the receiver's target folder, or the folder of a sender's first source
 * @param title the row's title
 * @param code the last code (a receiver's Resume offers it again)
 * @param totalBytes the size of the transfer as last known, 0 if unknown
 * @param verifiedBytes what the receiver had verified when it stopped
 * @param reason why it stopped; one that {@link Resumable} accepts
 * @param failure the sentence shown for it
 * @param endedAt when it stopped
 */
record HistoryEntry(
        Direction direction,
        List<Path> sources,
        Path folder,
        String title,
        String code,
        long totalBytes,
        long verifiedBytes,
        FailureReason reason,
        String failure,
        Instant endedAt) {

    /** The sentence of a transfer that was still running when the app was closed. */
    static final String APP_CLOSED = "Interrupted (the app was closed).";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    HistoryEntry {
        sources = List.copyOf(sources);
    }

    /**
     * What to keep of {@code item}: an interrupted transfer that can be resumed; with {@code
     * closing}, also one still running, which closing the app is about to cancel. Nothing for the
     * rest (done, declined, a wrong code...).
     */
    static Optional<HistoryEntry> of(TransferItem item, boolean closing) {
        TransferState state = item.stateProperty().get();
        if (state.isTerminal()) {
            if (!item.resumable()) {
                return Optional.empty();
            }
            Instant ended = item.endedAt() == null ? Instant.now() : item.endedAt();
            return Optional.of(entry(
                    item,
                    item.progressProperty().get(),
                    item.failureReasonProperty().get(),
                    item.failureProperty().get(),
                    ended));
        }
        if (!closing) {
            return Optional.empty();
        }
        // The engine's own figure is newer than the throttled one the row shows.
        TransferProgress last = item.transfer()
                .map(Transfer::progress)
                .orElse(item.progressProperty().get());
        return Optional.of(entry(item, last, FailureReason.CANCELLED, APP_CLOSED, Instant.now()));
    }

    private static HistoryEntry entry(
            TransferItem item, TransferProgress p, FailureReason reason, String failure, Instant ended) {
        return new HistoryEntry(
                item.direction(),
                item.sources(),
                item.folder(),
                item.titleProperty().get(),
                item.codeProperty().get(),
                p.totalBytes(),
                p.verifiedBytes(),
                reason,
                failure,
                ended);
    }

    /** The ended state the row shows: Cancelled for a cancel on this side, else Failed. */
    TransferState state() {
        return reason == FailureReason.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED;
    }

    /** The "Show details" text: the category and when it stopped. */
    String details() {
        return "Reason: " + reason + "\nEnded: " + WHEN.format(endedAt);
    }
}
