package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayTelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    @Test
    void reportsEveryEventToTheAuditFileAndTheMetrics() throws Exception {
        Path file = dir.resolve("audit.log");
        try (RelayTelemetry telemetry = new RelayTelemetry(Optional.of(file))) {
            RelayEvents events = telemetry.events();
            events.connectionOpened("192.0.2.7");
            events.connectionOpened("192.0.2.8");
            events.connectionClosed("192.0.2.8");
            events.roomOpened(ROOM, "192.0.2.7", "send");
            events.roomCounts(1, 0);
            events.paired(ROOM, "198.51.100.1", Duration.ofSeconds(3));
            events.roomCounts(0, 1);
            events.forwarded(5000);
            events.peerDropped(ROOM, "198.51.100.1", "receive", "idle-timeout");
            events.refused("203.0.113.9", "per-ip-connections", null);
            events.roomClosed(ROOM, 5000, 0, Duration.ofSeconds(70), "grace-timeout");
            events.roomCounts(0, 0);

            String metrics =
                    StandardCharsets.UTF_8.decode(telemetry.prometheus()).toString();
            assertThat(metrics)
                    .contains("p2pcopy_relay_connections 1.0")
                    .contains("p2pcopy_relay_forwarded_bytes_total 5000.0")
                    .contains("p2pcopy_relay_refusals_total{reason=\"per-ip-connections\"} 1.0")
                    .contains("p2pcopy_relay_peers_dropped_total{reason=\"idle-timeout\"} 1.0")
                    .contains("p2pcopy_relay_rooms_closed_total{reason=\"grace-timeout\"} 1.0")
                    .contains("p2pcopy_relay_pairing_seconds_bucket{le=\"2.0\"} 0")
                    .contains("p2pcopy_relay_pairing_seconds_bucket{le=\"5.0\"} 1")
                    .contains("p2pcopy_relay_pairing_seconds_sum 3.0");
            JsonNode stats = JSON.readTree(telemetry.statsJson());
            assertThat(stats.get("connections").asInt()).isEqualTo(1);
            assertThat(stats.get("bytesForwarded").asLong()).isEqualTo(5000);
            assertThat(stats.get("bytesPerSecond").asLong()).isEqualTo(500);
            assertThat(stats.get("roomsPaired").asInt()).isZero();
        }

        List<String> raw = Files.readAllLines(file);
        assertThat(raw).hasSize(5).allSatisfy(line -> assertThat(line).doesNotContain(ROOM.substring(0, 13)));
        List<JsonNode> lines = raw.stream().map(RelayTelemetryTest::parse).toList();
        assertThat(lines)
                .extracting(line -> line.get("event").asText())
                .containsExactly("opened", "paired", "peer-dropped", "refused", "closed");
        assertThat(lines.get(1).get("waitedMs").asLong()).isEqualTo(3000);
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("idle-timeout");
        assertThat(lines.get(3).get("client").asText()).isEqualTo("203.0.113.9");
        assertThat(lines.get(3).has("room")).isFalse();
        assertThat(lines.get(4).get("durationMs").asLong()).isEqualTo(70_000);
    }

    @Test
    void servesMetricsAtMostOneSecondOld() {
        AtomicLong now = new AtomicLong();
        try (RelayTelemetry telemetry = new RelayTelemetry(Optional.empty(), now::get)) {
            telemetry.events().forwarded(100);
            ByteBuffer first = telemetry.prometheus();
            assertThat(text(first)).contains("p2pcopy_relay_forwarded_bytes_total 100.0");

            telemetry.events().forwarded(900);
            now.addAndGet(ScrapeCache.MAX_AGE.toNanos() - 1);
            ByteBuffer cached = telemetry.prometheus();
            assertThat(cached).as("the same bytes within the second").isEqualTo(first.rewind());

            now.addAndGet(1);
            assertThat(text(telemetry.prometheus())).contains("p2pcopy_relay_forwarded_bytes_total 1000.0");
        }
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
