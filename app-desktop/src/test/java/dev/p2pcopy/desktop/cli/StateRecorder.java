package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Remembers the states a transfer went through, and lets a test wait for one. */
final class StateRecorder implements TransferListener {
    private final List<TransferState> states = new ArrayList<>();

    @Override
    public synchronized void onStateChanged(TransferState state) {
        states.add(state);
        notifyAll();
    }

    /** The states so far, in order. */
    synchronized List<TransferState> states() {
        return List.copyOf(states);
    }

    /** Waits until the transfer has entered {@code state}. */
    synchronized void await(TransferState state, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!states.contains(state)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("No " + state + " within " + timeout + "; states: " + states);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
