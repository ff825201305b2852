package dev.p2pcopy.relay.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the relay's numbers as Micrometer meters in a registry of its own, rendered in the Prometheus text format,
 * and the few figures {@code /v1/stats} shows.
 */
final class RelayMetrics implements RelayEvents {

    /** Upper bounds of the pairing latency histogram's buckets: from a quick pair to the default wait timeout. */
    private static final Duration[] PAIRING_BUCKETS = {
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger roomsWaiting = new AtomicInteger();
    private final AtomicInteger roomsPaired = new AtomicInteger();
    private final LongAdder bytesForwarded = new LongAdder();
    private final ThroughputWindow throughput;
    private final Counter roomsOpened;
    private final Timer pairing;

    /** @param throughput the rolling bytes-per-second window forwarded bytes are added to */
    RelayMetrics(ThroughputWindow throughput) {
        this.throughput = throughput;
        Gauge.builder("p2pcopy.relay.connections", connections, AtomicInteger::get)
                .description("Open TCP connections that passed the connection limits")
                .strongReference(true)
                .register(registry);
        roomGauge("waiting", roomsWaiting);
        roomGauge("paired", roomsPaired);
        FunctionCounter.builder("p2pcopy.relay.forwarded", bytesForwarded, LongAdder::doubleValue)
                .description("Payload bytes the relay passed from one peer to the other")
                .baseUnit("bytes")
                .register(registry);
        roomsOpened = Counter.builder("p2pcopy.relay.rooms.opened")
                .description("Rooms opened by a first peer")
                .register(registry);
        pairing = Timer.builder("p2pcopy.relay.pairing")
                .description("Time a peer waited alone until the other side arrived")
                .serviceLevelObjectives(PAIRING_BUCKETS)
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void connectionOpened(String client) {
        connections.incrementAndGet();
    }

    @Override
    public void connectionClosed(String client) {
        connections.decrementAndGet();
    }

    @Override
    public void refused(String client, String reason, String roomId) {
        Counter.builder("p2pcopy.relay.refusals")
                .description("Clients turned away, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void roomOpened(String roomId, String client, String role) {
        roomsOpened.increment();
    }

    @Override
    public void paired(String roomId, String client, Duration waited) {
        pairing.record(waited);
    }

    @Override
    public void peerDropped(String roomId, String client, String role, String reason) {
        Counter.builder("p2pcopy.relay.peers.dropped")
                .description("Peers that left a paired room, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void roomClosed(
            String roomId, long bytesSendToReceive, long bytesReceiveToSend, Duration lifetime, String reason) {
        Counter.builder("p2pcopy.relay.rooms.closed")
                .description("Rooms closed, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void roomCounts(int waiting, int paired) {
        roomsWaiting.set(waiting);
        roomsPaired.set(paired);
    }

    @Override
    public void forwarded(long bytes) {
        bytesForwarded.add(bytes);
        throughput.add(bytes);
    }

    /** @return every meter in the Prometheus text format 0.0.4 */
    String scrape() {
        return registry.scrape(RelayTelemetry.PROMETHEUS_CONTENT_TYPE);
    }

    int connections() {
        return connections.get();
    }

    int roomsWaiting() {
        return roomsWaiting.get();
    }

    int roomsPaired() {
        return roomsPaired.get();
    }

    long bytesForwarded() {
        return bytesForwarded.sum();
    }

    long bytesPerSecond() {
        return throughput.bytesPerSecond();
    }

    /** Releases the registry's meters. */
    void close() {
        registry.close();
    }

    private void roomGauge(String state, AtomicInteger count) {
        Gauge.builder("p2pcopy.relay.rooms", count, AtomicInteger::get)
                .description("Open rooms: waiting (one peer) or paired (a sender and a receiver)")
                .tag("state", state)
                .strongReference(true)
                .register(registry);
    }
}
