package dev.p2pcopy.desktop.format;

import dev.p2pcopy.desktop.transfers.Direction;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;

/**
 * The words for a transfer's state, figures and result, shared by the Send and Receive screens
 * and the Transfers list so that the same moment reads the same everywhere.
 */
public final class TransferTexts {
    private TransferTexts() {}

    /**
     * The state in words, from this computer's side. The engine has no state of its own for the
     * receiver's last checks, so a transfer whose bytes are all verified but which has not ended
     * is "Verifying…".
     */
    public static String state(Direction direction, TransferState state, TransferProgress progress) {
        boolean sending = direction == Direction.SEND;
        return switch (state) {
            case CONNECTING -> "Connecting to the relay…";
            case WAITING_FOR_PEER -> sending ? "Waiting for the receiver…" : "Waiting for the sender…";
            case HANDSHAKE -> "Securing the connection…";
            case AWAITING_ACCEPT -> sending ? "Waiting for the receiver to accept…" : "Waiting for your answer…";
            case TRANSFERRING -> allVerified(progress) ? "Verifying…" : sending ? "Sending…" : "Receiving…";
            case RECONNECTING -> "Connection lost, reconnecting…";
            case DONE -> sending ? "Sent" : "Received";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    /**
     * The figures that fit the state: "3 files, 200 MiB" before bytes flow, "120 MiB of 200 MiB
     * verified · 2 of 3 files · 42.1 MB/s · 3 s left" while they do, the {@link #done done}
     * summary at the end and how far it got when it stopped; empty while nothing is known.
     */
    public static String figures(TransferState state, TransferProgress p, TransferResult result) {
        if (state != TransferState.DONE && p.totalBytes() == 0 && p.fileCount() == 0) {
            return ""; // the offer is not known yet
        }
        return switch (state) {
            case CONNECTING, WAITING_FOR_PEER, HANDSHAKE, AWAITING_ACCEPT ->
                Units.files(p.fileCount()) + ", " + Units.size(p.totalBytes());
            case TRANSFERRING, RECONNECTING -> running(state, p);
            case FAILED, CANCELLED -> p.totalBytes() > 0 ? verified(p) + " before it stopped" : "";
            case DONE -> result == null ? "" : done(p, result);
        };
    }

    /**
     * "3 files, 200 MiB in 4.1 s". The size is the whole transfer's, also when a resumed run
     * moved only the rest.
     */
    public static String done(TransferProgress p, TransferResult result) {
        long total = Math.max(p.totalBytes(), result.bytes());
        return Units.files(result.fileCount()) + ", " + Units.size(total) + " in " + Units.elapsed(result.elapsed());
    }

    /** A zero rate is shown while bytes should flow: it tells a stall apart from a hidden figure. */
    private static String running(TransferState state, TransferProgress p) {
        StringBuilder text = new StringBuilder(verified(p));
        if (p.fileCount() > 1) {
            text.append(" · ").append(p.filesDone()).append(" of ").append(Units.files(p.fileCount()));
        }
        if (state == TransferState.TRANSFERRING && p.verifiedBytes() < p.totalBytes()) {
            text.append(" · ").append(Units.rate(p.bytesPerSecond()));
            p.eta().ifPresent(eta -> text.append(" · ").append(Units.whole(eta)).append(" left"));
        }
        return text.toString();
    }

    private static String verified(TransferProgress p) {
        return Units.size(p.verifiedBytes()) + " of " + Units.size(p.totalBytes()) + " verified";
    }

    private static boolean allVerified(TransferProgress p) {
        return p.totalBytes() > 0 && p.verifiedBytes() >= p.totalBytes();
    }
}
