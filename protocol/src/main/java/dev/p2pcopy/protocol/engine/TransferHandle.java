package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.util.concurrent.CompletableFuture;

/** The {@link Transfer} a caller holds: futures, state and progress of one session. */
final class TransferHandle implements Transfer {
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final CompletableFuture<TransferResult> result = new CompletableFuture<>();
    private final TransferListener listener;
    private final ProgressMeter meter;
    private volatile TransferState state;
    private volatile Runnable canceller = () -> {};

    TransferHandle(TransferListener listener, ProgressMeter meter) {
        this.listener = listener;
        this.meter = meter;
    }

    @Override
    public CompletableFuture<String> code() {
        return code;
    }

    @Override
    public CompletableFuture<TransferResult> result() {
        return result;
    }

    @Override
    public TransferState state() {
        return state == null ? TransferState.CONNECTING : state;
    }

    @Override
    public TransferProgress progress() {
        return meter.snapshot();
    }

    @Override
    public void cancel() {
        if (!state().isTerminal()) {
            canceller.run();
        }
    }

    void onCancel(Runnable canceller) {
        this.canceller = canceller;
    }

    /** Moves to {@code next} and tells the listener; a terminal state is final. */
    void enter(TransferState next) {
        synchronized (this) {
            if (state == next || (state != null && state.isTerminal())) {
                return;
            }
            state = next;
        }
        try {
            listener.onStateChanged(next);
        } catch (RuntimeException e) {
            // A listener's bug must not break the transfer.
        }
    }

    /** The peer's figures arrived: tells the listener. */
    void peerStats(NodeStats stats) {
        try {
            listener.onPeerStats(stats);
        } catch (RuntimeException e) {
            // A listener's bug must not break the transfer.
        }
    }

    /** The code is known and the relay has let us in. */
    void codeKnown(String value) {
        code.complete(value);
    }

    /** Ends the transfer successfully. */
    void succeed(TransferResult value) {
        meter.finish();
        enter(TransferState.DONE);
        result.complete(value);
    }

    /** Ends the transfer with {@code failure}. */
    void fail(TransferException failure) {
        meter.finish();
        enter(failure.reason() == FailureReason.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED);
        code.completeExceptionally(failure);
        result.completeExceptionally(failure);
    }
}
