package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.NodeStatsSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This computer's figures (CPU, memory, free disk, network rates), sampled with OSHI once a
 * {@link #PERIOD} by one daemon thread of its own. Readers get the latest sample at once, so the
 * engine's STATS and the Nodes screen never wait for the operating system; the first sample, with
 * OSHI's set-up, happens on that thread too, never on the FX thread.
 */
public final class LocalStats implements NodeStatsSource, AutoCloseable {
    /** Time between two samples. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    /** How long {@link #sample()} waits for the very first sample after the app started. */
    private static final Duration FIRST_SAMPLE_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(LocalStats.class);

    private final Supplier<Path> diskFolder;
    private final ScheduledExecutorService thread;
    private final CountDownLatch firstSample = new CountDownLatch(1);
    private SystemSampler sampler;
    private volatile NodeStats latest = NodeStats.UNKNOWN;
    private volatile boolean closed;

    /** @param diskFolder the folder whose disk's free space is reported; asked at every sample */
    public LocalStats(Supplier<Path> diskFolder) {
        this.diskFolder = diskFolder;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p2p-copy-node-stats");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::refresh, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The latest figures, for the engine's STATS. Right after start it waits up to two seconds
     * for the first sample; later it never waits. Do not call it on the FX thread: use {@link
     * #current()} there.
     */
    @Override
    public NodeStats sample() {
        try {
            firstSample.await(FIRST_SAMPLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return latest;
    }

    /**
     * The latest figures without ever waiting: {@link NodeStats#UNKNOWN} before the first sample.
     * The CPU load and network rates stay unknown until the second sample, a {@link #PERIOD} later.
     */
    public NodeStats current() {
        return latest;
    }

    /** Whether {@link #close()} was called: no new figures will come. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the sampling thread. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        firstSample.countDown(); // nobody waits for a sample that will not come
    }

    private void refresh() {
        try {
            if (sampler == null) {
                sampler = new SystemSampler(diskFolder);
            }
            latest = sampler.next();
        } catch (RuntimeException | LinkageError e) {
            if (sampler == null) {
                // OSHI does not work on this system (e.g. no native access): the figures stay unknown.
                LOG.warn("This computer's figures cannot be read: {}", e.toString());
                thread.shutdown();
            } else {
                LOG.debug("A sample of this computer's figures failed; the next one tries again.", e);
            }
        } finally {
            firstSample.countDown();
        }
    }
}
