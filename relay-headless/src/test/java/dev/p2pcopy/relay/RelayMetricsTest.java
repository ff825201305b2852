package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.NOTICE_PEER_LEFT;
import static dev.p2pcopy.relay.RelayContract.NOTICE_WAITING;
import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static dev.p2pcopy.relay.RelayContract.pairedNotice;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /metrics} and {@code GET /v1/stats} on a real relay, before, during and after real transfers. A scrape
 * may show figures up to a second old, so the test waits for the figures it expects.
 */
@Timeout(60)
class RelayMetricsTest extends RelayFixture {

    private static final String FORWARDED = "p2pcopy_relay_forwarded_bytes_total";
    private static final String PAIRED = "p2pcopy_relay_rooms{state=\"paired\"}";
    private static final String WAITING = "p2pcopy_relay_rooms{state=\"waiting\"}";

    @Test
    void servesPrometheusTextWhoseCountersMoveWithATransfer() throws Exception {
        RelayServer relay = start();
        PrometheusText before = scrape(relay);
        assertThat(before.type("p2pcopy_relay_connections")).isEqualTo("gauge");
        assertThat(before.type("p2pcopy_relay_rooms")).isEqualTo("gauge");
        assertThat(before.type(FORWARDED)).isEqualTo("counter");
        assertThat(before.type("p2pcopy_relay_rooms_opened_total")).isEqualTo("counter");
        assertThat(before.type("p2pcopy_relay_pairing_seconds")).isEqualTo("histogram");
        assertThat(before.type("jvm_memory_used_bytes")).isEqualTo("gauge");
        assertThat(before.value(FORWARDED)).isZero();
        assertThat(before.value("p2pcopy_relay_pairing_seconds_count")).isZero();

        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        scrapeUntil(relay, "one room waits", metrics -> metrics.value(WAITING) == 1);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        scrapeUntil(
                relay,
                "the room is paired and two peers and the scrape are connected",
                metrics -> metrics.value(PAIRED) == 1
                        && metrics.value(WAITING) == 0
                        && metrics.value("p2pcopy_relay_connections") == 3);

        sender.send(Rooms.randomBytes(100_000));
        receiver.nextBinary();
        receiver.send(Rooms.randomBytes(2_000));
        sender.nextBinary();
        sender.close();
        assertThat(receiver.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        receiver.close();

        PrometheusText after = scrapeUntil(
                relay,
                "the room is closed and no room is left",
                metrics -> metrics.value("p2pcopy_relay_rooms_closed_total{reason=\"done\"}") == 1
                        && metrics.value(PAIRED) == 0
                        && metrics.value(WAITING) == 0);
        assertThat(after.value(FORWARDED)).isEqualTo(102_000);
        assertThat(after.value("p2pcopy_relay_rooms_opened_total")).isEqualTo(1);
        assertThat(after.value("p2pcopy_relay_peers_dropped_total{reason=\"left\"}"))
                .isEqualTo(1);
        assertThat(after.value("p2pcopy_relay_pairing_seconds_count")).isEqualTo(1);
        assertThat(after.value("p2pcopy_relay_pairing_seconds_bucket{le=\"+Inf\"}"))
                .isEqualTo(1);
        assertThat(after.value("p2pcopy_relay_pairing_seconds_bucket{le=\"600.0\"}"))
                .isEqualTo(1);
        assertThat(after.has("p2pcopy_relay_pairing_seconds_bucket{le=\"0.1\"}"))
                .isTrue();
    }

    @Test
    void countsRefusalsByReason() throws Exception {
        RelayServer relay = start(b -> b.maxRooms(1));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        for (int i = 0; i < 2; i++) {
            TestPeer twin = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
            assertThat(twin.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_ROLE_TAKEN);
        }
        TestPeer elsewhere = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_SEND);
        assertThat(elsewhere.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_RELAY_FULL);

        PrometheusText metrics = scrape(relay);
        assertThat(metrics.type("p2pcopy_relay_refusals_total")).isEqualTo("counter");
        assertThat(metrics.value("p2pcopy_relay_refusals_total{reason=\"role-taken\"}"))
                .isEqualTo(2);
        assertThat(metrics.value("p2pcopy_relay_refusals_total{reason=\"max-rooms\"}"))
                .isEqualTo(1);
    }

    @Test
    void servesStatsAsSmallJson() throws Exception {
        RelayServer relay = start();
        JsonNode idle = stats(relay);
        assertThat(fieldNames(idle))
                .containsExactly(
                        "version",
                        "uptimeSeconds",
                        "connections",
                        "roomsWaiting",
                        "roomsPaired",
                        "bytesForwarded",
                        "bytesPerSecond");
        assertThat(idle.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(idle.get("uptimeSeconds").isIntegralNumber()).isTrue();
        assertThat(idle.get("uptimeSeconds").asLong()).isBetween(0L, 60L);
        assertThat(idle.get("connections").asInt()).as("this request").isEqualTo(1);
        assertThat(idle.get("bytesForwarded").asLong()).isZero();
        assertThat(idle.get("bytesPerSecond").asLong()).isZero();

        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        assertThat(stats(relay).get("roomsWaiting").asInt()).isEqualTo(1);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        byte[] data = Rooms.randomBytes(1 << 20);
        for (int i = 0; i < 4; i++) {
            sender.send(data);
            receiver.nextBinary();
        }

        JsonNode busy = stats(relay);
        assertThat(busy.get("roomsWaiting").asInt()).isZero();
        assertThat(busy.get("roomsPaired").asInt()).isEqualTo(1);
        assertThat(busy.get("connections").asInt()).isEqualTo(3);
        assertThat(busy.get("bytesForwarded").asLong()).isEqualTo(4L << 20);
        assertThat(busy.get("bytesPerSecond").asLong())
                .as("four MiB averaged over ten seconds")
                .isBetween(1L, (4L << 20) / 10);
    }

    @Test
    void answersOnlyGet() throws Exception {
        RelayServer relay = start();
        for (String path : List.of(RelayContract.METRICS_PATH, RelayContract.STATS_PATH)) {
            RawHttp.Response response = RawHttp.send(
                    relay.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.headers()).contains("allow: get");
            assertThat(response.body()).isEqualTo("The method POST is not allowed here; use GET.");
        }
        RawHttp.Response stats = RawHttp.get(relay.port(), RelayContract.STATS_PATH);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.headers()).contains("content-type: application/json; charset=utf-8");
    }

    private static PrometheusText scrape(RelayServer relay) throws Exception {
        RawHttp.Response response = RawHttp.get(relay.port(), RelayContract.METRICS_PATH);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).contains("content-type: text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(response.body());
    }

    /**
     * Scrapes until the figures, which may be up to a second old, satisfy the condition. Every look is a connection
     * from 127.0.0.1, hence the slow polling: the per-address limits stay far away.
     *
     * @return the scrape that satisfied it
     */
    private static PrometheusText scrapeUntil(RelayServer relay, String what, Predicate<PrometheusText> condition)
            throws InterruptedException {
        AtomicReference<PrometheusText> last = new AtomicReference<>();
        Await.until(what, Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
            last.set(scrapeQuietly(relay));
            return condition.test(last.get());
        });
        return last.get();
    }

    private static PrometheusText scrapeQuietly(RelayServer relay) {
        try {
            return scrape(relay);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode stats(RelayServer relay) throws Exception {
        RawHttp.Response response = RawHttp.get(relay.port(), RelayContract.STATS_PATH);
        assertThat(response.status()).isEqualTo(200);
        return AuditLines.parse(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
