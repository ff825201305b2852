package dev.p2pcopy.relay.telemetry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the last rendering of the metrics for {@link #MAX_AGE}: rendering allocates about a MiB and {@code /metrics}
 * is public, so a burst of scrapes must not cost a burst of renderings.
 */
final class ScrapeCache {

    /** How old the figures of a scrape may be. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final Supplier<String> render;
    private final LongSupplier nanoTime;
    private byte[] rendered;
    private long renderedAt;

    /**
     * @param render renders every metric in the Prometheus text format
     * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime()}
     */
    ScrapeCache(Supplier<String> render, LongSupplier nanoTime) {
        this.render = render;
        this.nanoTime = nanoTime;
    }

    /** @return the UTF-8 text of the last rendering, rendered anew if it is {@link #MAX_AGE} old or older */
    synchronized ByteBuffer scrape() {
        long now = nanoTime.getAsLong();
        // One scrape renders while concurrent ones wait for its result instead of rendering too.
        if (rendered == null || now - renderedAt >= MAX_AGE.toNanos()) {
            rendered = render.get().getBytes(StandardCharsets.UTF_8);
            renderedAt = now;
        }
        return ByteBuffer.wrap(rendered).asReadOnlyBuffer();
    }
}
