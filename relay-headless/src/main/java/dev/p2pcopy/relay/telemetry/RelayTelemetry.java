package dev.p2pcopy.relay.telemetry;

import dev.p2pcopy.relay.RelayConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;

/**
 * The relay's audit log and metrics behind one object: the server creates it once, hands its {@link #events()}
 * to whoever observes something, and serves {@link #prometheus()} and {@link #statsJson()} over HTTP.
 */
public final class RelayTelemetry implements AutoCloseable {

    /** Content type of {@link #prometheus()}: the Prometheus text format 0.0.4. */
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Content type of {@link #statsJson()}. */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private final AuditFile auditFile;
    private final RelayMetrics metrics;
    private final ScrapeCache scrapes;
    private final RelayEvents events;
    private final String version = RelayVersion.current();
    private final long startNanos = System.nanoTime();

    /**
     * Creates the telemetry the configuration asks for.
     *
     * @param config the relay's settings
     * @throws IllegalArgumentException with a one-sentence reason if the audit file cannot be written
     */
    public RelayTelemetry(RelayConfig config) {
        this(config.auditLog());
    }

    /**
     * Creates the telemetry with the audit lines going to a file, or to the Logback configuration's choice.
     *
     * @param auditFile the audit log file, or empty to leave the audit logger as Logback is configured
     * @throws IllegalArgumentException with a one-sentence reason if the audit file cannot be written
     */
    RelayTelemetry(Optional<Path> auditFile) {
        this(auditFile, System::nanoTime);
    }

    /**
     * Creates the telemetry with the clock that ages the cached {@link #prometheus()} text.
     *
     * @param auditFile the audit log file, or empty to leave the audit logger as Logback is configured
     * @param scrapeClock a monotonic clock in nanoseconds, like {@link System#nanoTime()}
     * @throws IllegalArgumentException with a one-sentence reason if the audit file cannot be written
     */
    RelayTelemetry(Optional<Path> auditFile, LongSupplier scrapeClock) {
        this.auditFile = auditFile.map(AuditFile::open).orElse(null);
        this.metrics = new RelayMetrics(new ThroughputWindow(System::nanoTime));
        this.scrapes = new ScrapeCache(metrics::scrape, scrapeClock);
        AuditLog audit = new AuditLog(LoggerFactory.getLogger(AuditLog.LOGGER_NAME), Clock.systemUTC());
        this.events = new BothEvents(audit, metrics);
    }

    /** @return where to report events */
    public RelayEvents events() {
        return events;
    }

    /**
     * Every metric in the Prometheus text format, see {@link #PROMETHEUS_CONTENT_TYPE}. The text is rendered at most
     * once a second; scrapes in between get the same bytes.
     *
     * @return a read-only view of the UTF-8 text, at most one second old
     */
    public ByteBuffer prometheus() {
        return scrapes.scrape();
    }

    /**
     * The relay at a glance, for the desktop app's relay view, e.g. {@code {"version":"0.1.0","uptimeSeconds":42,
     * "connections":2,"roomsWaiting":0,"roomsPaired":1,"bytesForwarded":1048576,"bytesPerSecond":104857}}.
     *
     * @return one JSON object
     */
    public String statsJson() {
        return new JsonLine()
                .text("version", version)
                .number("uptimeSeconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos))
                .number("connections", metrics.connections())
                .number("roomsWaiting", metrics.roomsWaiting())
                .number("roomsPaired", metrics.roomsPaired())
                .number("bytesForwarded", metrics.bytesForwarded())
                .number("bytesPerSecond", metrics.bytesPerSecond())
                .toString();
    }

    /** Flushes and closes the audit file, if there is one, and releases the metrics. */
    @Override
    public void close() {
        if (auditFile != null) {
            auditFile.close();
        }
        metrics.close();
    }
}
