package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;

/** The words and figures the Receive screen shows for a transfer's state and progress. */
final class ReceiveStatus {
    private ReceiveStatus() {}

    /** The state in words; a failure's own sentence when it ended badly. */
    static String text(TransferState state, String failure) {
        return switch (state) {
            case CONNECTING -> "Connecting to the relay…";
            case WAITING_FOR_PEER -> "Waiting for the sender…";
            case HANDSHAKE -> "Securing the connection…";
            case AWAITING_ACCEPT -> "Waiting for your answer…";
            case TRANSFERRING -> "Transferring…";
            case RECONNECTING -> "Reconnecting…";
            case DONE -> "Received";
            case FAILED, CANCELLED -> failure.isBlank() ? "The transfer did not finish." : failure;
        };
    }

    /** The screen's phase while the transfer is in {@code state}. */
    static Phase phase(TransferState state) {
        return switch (state) {
            case DONE -> Phase.RECEIVED;
            case FAILED, CANCELLED -> Phase.FAILED;
            default -> Phase.RUNNING;
        };
    }

    /** Whether the progress bar means something in {@code state}: once bytes flow. */
    static boolean showsProgress(TransferState state) {
        return state == TransferState.TRANSFERRING
                || state == TransferState.RECONNECTING
                || state == TransferState.DONE;
    }

    /**
     * "12.0 MiB of 40.0 MiB · 31.5 MB/s · 1 s left" while bytes flow, "3 files, 40.0 MiB in 2.1 s"
     * once received; empty before the offer's size is known.
     */
    static String figures(TransferState state, TransferProgress p, TransferResult result) {
        if (result != null) {
            return Units.files(result.fileCount()) + ", " + Units.size(result.bytes()) + " in "
                    + Units.elapsed(result.elapsed());
        }
        if (p.totalBytes() == 0 && p.fileCount() == 0) {
            return "";
        }
        String done = Units.size(p.verifiedBytes()) + " of " + Units.size(p.totalBytes());
        if (state != TransferState.TRANSFERRING) {
            return done;
        }
        String left = p.eta().map(d -> " · " + Units.whole(d) + " left").orElse("");
        return done + " · " + Units.rate(p.bytesPerSecond()) + left;
    }
}
