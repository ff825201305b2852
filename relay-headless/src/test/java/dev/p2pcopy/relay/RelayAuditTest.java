package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.NOTICE_PEER_LEFT;
import static dev.p2pcopy.relay.RelayContract.NOTICE_WAITING;
import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static dev.p2pcopy.relay.RelayContract.pairedNotice;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The audit lines real relays write for real peers. */
@Timeout(60)
class RelayAuditTest extends RelayFixture {

    private AuditLines audit;

    @BeforeEach
    void captureAuditLines() {
        audit = AuditLines.capture();
    }

    @AfterEach
    void stopCapturing() {
        audit.close();
    }

    @Test
    void aTransferIsOpenedPairedAndClosedWithTheBytesEachWay() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        Instant before = Instant.now().minusSeconds(1);
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));

        byte[] data = Rooms.randomBytes(300_000);
        sender.send(data);
        sender.send(data);
        receiver.nextBinary();
        receiver.nextBinary();
        byte[] answer = Rooms.randomBytes(1234);
        receiver.send(answer);
        sender.nextBinary();
        receiver.close();
        assertThat(sender.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        sender.close();

        JsonNode closed = audit.await("closed", room);
        assertThat(fieldNames(closed))
                .containsExactly(
                        "time", "event", "room", "bytesSendToReceive", "bytesReceiveToSend", "durationMs", "reason");
        assertThat(closed.get("bytesSendToReceive").asLong()).isEqualTo(2L * data.length);
        assertThat(closed.get("bytesReceiveToSend").asLong()).isEqualTo(answer.length);
        assertThat(closed.get("reason").asText()).isEqualTo("done");
        assertThat(closed.get("durationMs").asLong()).isNotNegative();

        List<JsonNode> lines = linesOf(room);
        assertThat(lines)
                .extracting(line -> line.get("event").asText())
                .containsExactly("opened", "paired", "peer-dropped", "closed");
        JsonNode opened = lines.get(0);
        assertThat(fieldNames(opened)).containsExactly("time", "event", "room", "client", "role");
        assertThat(opened.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(opened.get("role").asText()).isEqualTo(ROLE_SEND);
        JsonNode paired = lines.get(1);
        assertThat(fieldNames(paired)).containsExactly("time", "event", "room", "client", "waitedMs");
        assertThat(paired.get("waitedMs").asLong()).isNotNegative();
        JsonNode dropped = lines.get(2);
        assertThat(dropped.get("role").asText()).isEqualTo(ROLE_RECEIVE);
        assertThat(dropped.get("reason").asText()).isEqualTo("left");

        for (JsonNode line : lines) {
            assertThat(line.get("room").asText()).isEqualTo(room.substring(0, 12));
            Instant time = Instant.parse(line.get("time").asText());
            assertThat(time).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        for (String raw : audit.raw()) {
            assertThat(raw)
                    .as("no line names more of the room id than its prefix")
                    .doesNotContain(room.substring(0, 13));
        }
    }

    @Test
    void aThirdPeerIsRefusedWithTheRoleTaken() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));

        TestPeer third = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(third.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_ROLE_TAKEN);

        JsonNode refused = audit.await("refused", room);
        assertThat(fieldNames(refused)).containsExactly("time", "event", "room", "client", "reason");
        assertThat(refused.get("reason").asText()).isEqualTo("role-taken");
        assertThat(refused.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(audit.events("closed")).as("the room stays open").isEmpty();
    }

    @Test
    void aLonePeerThatWaitsTooLongClosesTheRoomWithWaitTimeout() throws Exception {
        RelayServer relay = start(b -> b.waitTimeout(Duration.ofMillis(200)));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_TIMEOUT);

        JsonNode closed = audit.await("closed", room);
        assertThat(closed.get("reason").asText()).isEqualTo("wait-timeout");
        assertThat(closed.get("bytesSendToReceive").asLong()).isZero();
        assertThat(closed.get("durationMs").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(audit.events("paired")).isEmpty();
    }

    @Test
    void aPartnerThatNeverComesBackClosesTheRoomWithGraceTimeout() throws Exception {
        RelayServer relay = start(b -> b.gracePeriod(Duration.ofMillis(200)));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));
        byte[] data = Rooms.randomBytes(5000);
        receiver.send(data);
        sender.nextBinary();

        sender.abort();
        assertThat(receiver.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_TIMEOUT);

        JsonNode dropped = audit.await("peer-dropped", room);
        assertThat(dropped.get("role").asText()).isEqualTo(ROLE_SEND);
        assertThat(dropped.get("reason").asText()).isEqualTo("left");
        JsonNode closed = audit.await("closed", room);
        assertThat(closed.get("reason").asText()).isEqualTo("grace-timeout");
        assertThat(closed.get("bytesReceiveToSend").asLong()).isEqualTo(data.length);
    }

    @Test
    void aPeerThatReturnsWithinTheGracePeriodIsPairedAgain() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));
        sender.send(Rooms.randomBytes(1000));
        receiver.nextBinary();
        receiver.abort();
        assertThat(sender.nextText()).isEqualTo(NOTICE_PEER_LEFT);

        TestPeer again = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(again.nextText()).isEqualTo(pairedNotice(2));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(2));
        sender.send(Rooms.randomBytes(500));
        again.nextBinary();
        again.close();
        sender.close();

        JsonNode closed = audit.await("closed", room);
        assertThat(closed.get("bytesSendToReceive").asLong()).isEqualTo(1500);
        assertThat(closed.get("reason").asText()).isEqualTo("done");
        assertThat(linesOf(room))
                .extracting(line -> line.get("event").asText())
                .containsExactly("opened", "paired", "peer-dropped", "paired", "peer-dropped", "closed");
    }

    @Test
    void aSilentPeerIsDroppedAndItsRoomClosedWithIdleTimeout() throws Exception {
        RelayServer relay = start(b -> b.idleTimeout(Duration.ofMillis(300)));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_TIMEOUT);

        assertThat(audit.await("closed", room).get("reason").asText()).isEqualTo("idle-timeout");
    }

    @Test
    void peersClosedForBrokenFramesAreDroppedWithTheReason() throws Exception {
        RelayServer relay = start(b -> b.maxFrameBytes(64 * 1024));
        String room = Rooms.newId();
        TestPeer[] pair = RelayPairingTest.pair(relay, room);
        pair[0].sendAsync(ByteBuffer.wrap(new byte[128 * 1024]));
        assertThat(pair[0].awaitClosing().code()).isEqualTo(1009);
        assertThat(audit.await("peer-dropped", room).get("reason").asText()).isEqualTo("frame-too-large");

        String lone = Rooms.newId();
        try (RawWebSocket ws = RawWebSocket.open(relay.port(), RelayContract.ROOM_PATH_PREFIX + lone + "?role=send")) {
            assertThat(ws.read().payload()).asString().isEqualTo(NOTICE_WAITING);
            ws.write(new byte[] {(byte) 0x82, 0x03, 1, 2, 3}); // clients must mask their frames
            assertThat(ws.readUntilClose().closeCode()).isEqualTo(1002);
        }
        assertThat(audit.await("closed", lone).get("reason").asText()).isEqualTo("protocol-error");
    }

    @Test
    void aLonePeerThatLeavesAbandonsItsRoom() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        sender.close();

        assertThat(audit.await("closed", room).get("reason").asText()).isEqualTo("abandoned");
    }

    @Test
    void aFullRelayRefusesNewRoomsWithMaxRooms() throws Exception {
        RelayServer relay = start(b -> b.maxRooms(1));
        TestPeer first = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_SEND);
        assertThat(first.nextText()).isEqualTo(NOTICE_WAITING);
        String room = Rooms.newId();
        TestPeer second = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(second.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_RELAY_FULL);

        assertThat(audit.await("refused", room).get("reason").asText()).isEqualTo("max-rooms");
        assertThat(audit.events("opened")).hasSize(1);
    }

    @Test
    void shuttingDownClosesEveryRoomOnceWithShutdown() throws Exception {
        RelayServer relay = start();
        String waiting = Rooms.newId();
        TestPeer alone = TestPeer.connect(CLIENT, relay.uri(), waiting, ROLE_SEND);
        assertThat(alone.nextText()).isEqualTo(NOTICE_WAITING);
        String paired = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), paired, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), paired, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        sender.send(Rooms.randomBytes(777));
        receiver.nextBinary();

        relay.close();

        assertThat(audit.events("closed"))
                .extracting(line -> line.get("reason").asText())
                .containsExactly("shutdown", "shutdown");
        assertThat(audit.events("peer-dropped")).isEmpty();
        JsonNode closedPaired = audit.await("closed", paired);
        assertThat(closedPaired.get("bytesSendToReceive").asLong()).isEqualTo(777);
    }

    private List<JsonNode> linesOf(String room) {
        return audit.all().stream()
                .filter(line -> room.startsWith(line.path("room").asText("-")))
                .toList();
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
