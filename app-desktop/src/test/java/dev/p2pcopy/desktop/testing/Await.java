package dev.p2pcopy.desktop.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition that nothing signals (a file's size, a counter), polling with a deadline. */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private Await() {}

    /**
     * Returns once {@code condition} holds; fails after {@code timeout}.
     *
     * @param what what is awaited, for the failure message
     */
    public static void until(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("Gave up after " + timeout + " waiting for " + what + ".");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
