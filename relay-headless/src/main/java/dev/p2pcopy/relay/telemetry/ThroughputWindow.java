package dev.p2pcopy.relay.telemetry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Bytes per second over the last few seconds: one bucket per second in a small ring, so that adding costs two
 * atomic operations and no lock on the forwarding path.
 */
final class ThroughputWindow {

    /** Seconds the rate is averaged over. */
    static final int SECONDS = 10;

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier nanoTime;
    private final long origin;
    /** Which second each bucket currently counts, relative to {@link #origin}. */
    private final AtomicLongArray bucketSecond = new AtomicLongArray(SECONDS);

    private final AtomicLongArray bucketBytes = new AtomicLongArray(SECONDS);

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    ThroughputWindow(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
        for (int i = 0; i < SECONDS; i++) {
            bucketSecond.set(i, -1);
        }
    }

    /** @param bytes bytes that just went through */
    void add(long bytes) {
        long second = second();
        int slot = (int) (second % SECONDS);
        long owner = bucketSecond.get(slot);
        if (owner != second && bucketSecond.compareAndSet(slot, owner, second)) {
            // The first writer of a new second clears what the bucket held ten seconds ago. A writer racing it may
            // lose its few bytes; a rate shown to people does not need them.
            bucketBytes.set(slot, 0);
        }
        bucketBytes.addAndGet(slot, bytes);
    }

    /** @return the average bytes per second over the last {@link #SECONDS} seconds, the current one included */
    long bytesPerSecond() {
        long now = second();
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            long second = bucketSecond.get(i);
            if (second > now - SECONDS && second <= now) {
                total += bucketBytes.get(i);
            }
        }
        return total / SECONDS;
    }

    private long second() {
        return (nanoTime.getAsLong() - origin) / NANOS_PER_SECOND;
    }
}
