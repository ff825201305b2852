package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.NodeStatsSource;
import dev.p2pcopy.protocol.message.Stats;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this side's STATS at a steady interval ({@link #INTERVAL} in a session) while a pairing
 * is secured. Sampling
 * and sending run on one daemon thread of the session's own, so a slow or failing {@link
 * NodeStatsSource} costs at most a STATS, never the transfer: a tick that fails is skipped.
 * Without a source it does nothing.
 */
final class StatsReporter implements AutoCloseable {
    /** Time between the end of one STATS and the sampling of the next, in a session. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(StatsReporter.class);

    private final NodeStatsSource source;
    private final DoubleSupplier transferRate;
    private final Duration interval;
    private final String threadName;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> ticking;
    /** The sink of the ticks that may still send; a tick under way when it changes sends nothing. */
    private volatile Consumer<Stats> current;

    private boolean closed;

    /**
     * @param source where the figures come from, or null to send none
     * @param transferRate this side's current transfer rate, in bytes per second
     * @param interval time between the end of one STATS and the sampling of the next
     * @param threadName the name of the thread that samples and sends
     */
    StatsReporter(NodeStatsSource source, DoubleSupplier transferRate, Duration interval, String threadName) {
        this.source = source;
        this.transferRate = transferRate;
        this.interval = interval;
        this.threadName = threadName;
    }

    /**
     * Sends to {@code sink} at once and then every interval, in place of any earlier
     * sink. The sink may throw, for instance when its pairing ended: that tick is lost.
     */
    synchronized void start(Consumer<Stats> sink) {
        if (source == null || closed) {
            return;
        }
        stop();
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
            });
        }
        current = sink;
        ticking = scheduler.scheduleWithFixedDelay(() -> tick(sink), 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Sends nothing more until the next {@link #start}. */
    synchronized void stop() {
        current = null;
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /** Stops for good and lets the thread go. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void tick(Consumer<Stats> sink) {
        Stats stats;
        try {
            NodeStats sample = source.sample();
            if (sample == null || current != sink) {
                return;
            }
            stats = Stats.of(sample.withTransferRate(transferRate.getAsDouble()));
        } catch (Exception e) { // the caller's code: whatever it throws must not end the ticks
            LOG.debug("The stats source failed; no STATS this time.", e);
            return;
        }
        try {
            sink.accept(stats);
        } catch (RuntimeException e) {
            // The pairing or the session ended meanwhile; a new pairing starts its own ticks.
            LOG.debug("A STATS could not be sent.", e);
        }
    }
}
