package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;

/** The words of a transfer row: its state, its figures and the file in flight. */
final class RowText {
    private RowText() {}

    /**
     * The state in words. The engine has no state of its own for the receiver's last checks, so
     * a transfer whose bytes are all verified but which has not ended is "Verifying…".
     */
    static String state(Direction direction, TransferState state, TransferProgress progress) {
        boolean sending = direction == Direction.SEND;
        return switch (state) {
            case CONNECTING -> "Connecting to the relay…";
            case WAITING_FOR_PEER -> sending ? "Waiting for the receiver…" : "Waiting for the sender…";
            case HANDSHAKE -> "Securing the connection…";
            case AWAITING_ACCEPT -> sending ? "Waiting for the receiver to accept…" : "Waiting for your answer…";
            case TRANSFERRING ->
                progress.totalBytes() > 0 && progress.verifiedBytes() >= progress.totalBytes()
                        ? "Verifying…"
                        : sending ? "Sending" : "Receiving";
            case RECONNECTING -> "Connection lost, reconnecting…";
            case DONE -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    /** "120 MiB of 200 MiB verified · 42.1 MB/s · 3 s left", or what fits the state. */
    static String figures(TransferState state, TransferProgress p, TransferResult result) {
        return switch (state) {
            case CONNECTING, WAITING_FOR_PEER, HANDSHAKE, AWAITING_ACCEPT ->
                p.totalBytes() > 0 ? Units.files(p.fileCount()) + ", " + Units.size(p.totalBytes()) : "";
            case TRANSFERRING, RECONNECTING -> running(state, p);
            case DONE -> result == null ? "" : done(p, result);
            case FAILED, CANCELLED ->
                p.totalBytes() > 0
                        ? Units.size(p.verifiedBytes()) + " of " + Units.size(p.totalBytes())
                                + " verified before it stopped"
                        : "";
        };
    }

    /** "photos/a.jpg · 12 MiB of 40 MiB", or empty between files. */
    static String currentFile(TransferProgress p) {
        if (p.currentFile().isEmpty()) {
            return "";
        }
        return p.currentFile() + " · " + Units.size(p.currentFileBytes()) + " of " + Units.size(p.currentFileSize());
    }

    /** The overall progress bar's value. */
    static double fraction(TransferState state, TransferProgress p) {
        if (state == TransferState.DONE) {
            return 1;
        }
        return p.totalBytes() > 0 ? p.fraction() : 0;
    }

    private static String running(TransferState state, TransferProgress p) {
        StringBuilder text = new StringBuilder()
                .append(Units.size(p.verifiedBytes()))
                .append(" of ")
                .append(Units.size(p.totalBytes()))
                .append(" verified");
        if (p.fileCount() > 1) {
            text.append(" · ").append(p.filesDone()).append(" of ").append(Units.files(p.fileCount()));
        }
        if (state == TransferState.TRANSFERRING && p.verifiedBytes() < p.totalBytes()) {
            text.append(" · ").append(Units.rate(p.bytesPerSecond()));
            p.eta().ifPresent(eta -> text.append(" · ").append(Units.whole(eta)).append(" left"));
        }
        return text.toString();
    }

    private static String done(TransferProgress p, TransferResult result) {
        long total = Math.max(p.totalBytes(), result.bytes());
        return Units.files(result.fileCount()) + ", " + Units.size(total) + " in " + Units.elapsed(result.elapsed());
    }
}
