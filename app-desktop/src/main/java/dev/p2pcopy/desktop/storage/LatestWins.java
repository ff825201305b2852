package dev.p2pcopy.desktop.storage;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values to a slow consumer (a save) on a thread of its own, one at a time; values that
 * arrive while it runs are merged into the next run, which gets only the latest, so a burst of
 * changes costs at most two runs.
 *
 * <p>The thread is not a daemon: a run that has started still finishes when the app quits. It
 * ends by itself when idle, so nothing keeps the JVM alive.
 *
 * @param <T> the value type
 */
public final class LatestWins<T> {
    private final Consumer<T> consumer;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final ExecutorService worker;

    /**
     * @param threadName the worker thread's name
     * @param consumer receives the latest value on the worker thread; it should not throw
     */
    public LatestWins(String threadName, Consumer<T> consumer) {
        this.consumer = consumer;
        this.worker = new ThreadPoolExecutor(
                0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> new Thread(r, threadName));
    }

    /** Hands {@code value} over soon, unless a newer one arrives first; ignored after {@link #close}. */
    public void submit(T value) {
        if (worker.isShutdown()) {
            return;
        }
        if (pending.getAndSet(value) == null) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // Closed in the meantime: the value is dropped like any that comes after close.
            }
        }
    }

    /**
     * Lets the pending value be handed over and ignores later ones.
     *
     * @param wait how long to wait at most
     * @return true if everything submitted was handed over in time, false if it is still running
     *     or the wait was interrupted
     */
    public boolean close(Duration wait) {
        worker.shutdown();
        try {
            return worker.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drain() {
        T latest = pending.getAndSet(null);
        if (latest != null) {
            consumer.accept(latest);
        }
    }
}
