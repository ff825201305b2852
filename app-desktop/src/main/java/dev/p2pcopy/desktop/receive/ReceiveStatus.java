package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.format.TransferTexts;
import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import dev.p2pcopy.desktop.transfers.Direction;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;

/** The words and figures the Receive screen shows for a transfer's state and progress. */
final class ReceiveStatus {
    private ReceiveStatus() {}

    /**
     * The state in the shared words of {@link TransferTexts#state}, or the failure's own sentence
     * when it ended badly: this screen has no separate line for the reason.
     */
    static String text(TransferState state, TransferProgress progress, String failure) {
        boolean endedBadly = state == TransferState.FAILED || state == TransferState.CANCELLED;
        return endedBadly && !failure.isBlank() ? failure : TransferTexts.state(Direction.RECEIVE, state, progress);
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

    /** The figures line: the shared wording of {@link TransferTexts#figures}. */
    static String figures(TransferState state, TransferProgress p, TransferResult result) {
        return TransferTexts.figures(state, p, result);
    }
}
