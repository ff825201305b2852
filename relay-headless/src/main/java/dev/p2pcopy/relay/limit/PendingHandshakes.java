package dev.p2pcopy.relay.limit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts connections that are still in TLS or the HTTP upgrade, relay-wide, up to a maximum. Slow or silent
 * clients (slowloris) can hold at most this many sockets, each for at most the handshake timeout. Thread-safe.
 */
final class PendingHandshakes {

    private final int max;
    private final AtomicInteger pending = new AtomicInteger();

    /** @param max the most connections in the handshake at once */
    PendingHandshakes(int max) {
        this.max = max;
    }

    /**
     * Counts one more pending handshake if there is room.
     *
     * @return whether it was counted; if so, {@link #release()} must follow
     */
    boolean tryAcquire() {
        while (true) {
            int now = pending.get();
            if (now >= max) {
                return false;
            }
            if (pending.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Counts one pending handshake as over. */
    void release() {
        pending.decrementAndGet();
    }

    /** @return the handshakes pending now */
    int pending() {
        return pending.get();
    }
}
