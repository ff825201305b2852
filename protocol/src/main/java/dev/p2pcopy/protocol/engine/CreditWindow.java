package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.TransferException;

/**
 * The sender's side of flow control: bytes the receiver allows in flight. {@link #acquire}
 * waits until enough is granted; {@link #abort} wakes every waiter with the failure.
 */
final class CreditWindow {
    private long available;
    private TransferException abort;

    /** Adds credit granted by the receiver. */
    synchronized void grant(long bytes) {
        available += bytes;
        notifyAll();
    }

    /**
     * Takes {@code bytes} of credit, waiting until the receiver has granted them.
     *
     * @throws TransferException the failure passed to {@link #abort}
     */
    synchronized void acquire(long bytes) {
        while (available < bytes && abort == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Failures.interrupted();
            }
        }
        if (abort != null) {
            throw abort;
        }
        available -= bytes;
    }

    /** Ends all waiting with {@code failure}. */
    synchronized void abort(TransferException failure) {
        abort = failure;
        notifyAll();
    }

    /** Credit not yet used. */
    synchronized long available() {
        return available;
    }
}
