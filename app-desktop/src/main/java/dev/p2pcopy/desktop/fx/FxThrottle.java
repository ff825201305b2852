package dev.p2pcopy.desktop.fx;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands the latest of a stream of values to the FX thread, at most once per interval: values
 * that arrive in between replace each other, so a busy engine never floods the UI thread.
 * Safe to call from any thread.
 *
 * @param <T> the value type
 */
public final class FxThrottle<T> {
    private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "p2p-copy-ui-throttle");
        t.setDaemon(true);
        return t;
    });

    private final long intervalNanos;
    private final Consumer<T> onFxThread;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRun = Long.MIN_VALUE;

    /**
     * @param interval the shortest time between two calls of {@code onFxThread}
     * @param onFxThread receives the latest value on the FX thread
     */
    public FxThrottle(Duration interval, Consumer<T> onFxThread) {
        this.intervalNanos = interval.toNanos();
        this.onFxThread = onFxThread;
    }

    /** Offers a new value; it or a later one reaches the FX thread soon. */
    public void submit(T value) {
        latest.set(value);
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastRun == Long.MIN_VALUE ? 0 : lastRun + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            Platform.runLater(this::drain);
        } else {
            DELAYS.schedule(() -> Platform.runLater(this::drain), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        lastRun = System.nanoTime();
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            onFxThread.accept(value);
        }
    }
}
