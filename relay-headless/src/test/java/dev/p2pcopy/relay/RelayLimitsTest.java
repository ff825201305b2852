package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The flood limits against a real relay and real sockets, while real transfers go on beside the floods. */
@Timeout(60)
class RelayLimitsTest extends RelayFixture {

    private static final int CHUNK = 256 * 1024;
    private static final int CHUNKS = 64;

    private final List<Socket> sockets = new ArrayList<>();
    private AuditLines audit;

    @BeforeEach
    void captureTheAuditLog() {
        audit = AuditLines.capture();
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        audit.close();
    }

    @Test
    void capsTheConnectionsOfOneAddressWhileOthersTransfer() throws Exception {
        RelayServer relay = start(b -> b.maxConnectionsPerIp(4).connectionBurstPerIp(1000));
        Transfer transfer = Transfer.start(relay);

        for (int i = 0; i < 12; i++) {
            sockets.add(ClientSockets.open(ClientSockets.OTHER_ADDRESS, relay.port()));
        }
        Await.until("4 flood connections are held", () -> relay.stats().connections() == 2 + 4);
        long closed = 0;
        for (Socket socket : sockets) {
            closed += ClientSockets.closedByRelay(socket, 200) ? 1 : 0;
        }
        assertThat(closed).as("flood connections closed at accept").isEqualTo(8);
        JsonNode refused =
                audit.await("refused", line -> line.path("reason").asText().equals("per-ip-connections"));
        assertThat(refused.path("client").asText()).isEqualTo(ClientSockets.OTHER_ADDRESS);

        transfer.finish();

        for (Socket socket : sockets) {
            socket.close();
        }
        Await.until("the flood connections are gone", () -> relay.stats().connections() == 2);
        assertThat(ClientSockets.exchange(ClientSockets.OTHER_ADDRESS, relay.port(), health()))
                .as("the address may connect again once its connections closed")
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void limitsTheConnectionRateOfOneAddressWhileOthersTransfer() throws Exception {
        RelayServer relay = start(b -> b.connectionBurstPerIp(5).connectionsPerMinutePerIp(1));
        Transfer transfer = Transfer.start(relay);

        for (int i = 0; i < 5; i++) {
            assertThat(ClientSockets.exchange(ClientSockets.OTHER_ADDRESS, relay.port(), health()))
                    .startsWith("HTTP/1.1 200");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(ClientSockets.exchange(ClientSockets.OTHER_ADDRESS, relay.port(), health()))
                    .as("refused at accept: no answer")
                    .isEmpty();
        }
        JsonNode refused =
                audit.await("refused", line -> line.path("reason").asText().equals("connection-rate"));
        assertThat(refused.path("client").asText()).isEqualTo(ClientSockets.OTHER_ADDRESS);

        transfer.finish();
    }

    @Test
    void behindAProxyCountsTheForwardedAddressAndAnswers429() throws Exception {
        RelayServer relay = start(b -> b.trustProxy(true).maxConnectionsPerIp(3).connectionBurstPerIp(1000));
        Transfer transfer = Transfer.start(relay);

        String forwarded = "X-Forwarded-For: 10.66.66.66, 203.0.113.7\r\n";
        for (int i = 0; i < 3; i++) {
            Socket socket = ClientSockets.open("127.0.0.1", relay.port());
            sockets.add(socket);
            assertThat(ClientSockets.sendAndReadHead(socket, join(Rooms.newId(), forwarded)))
                    .startsWith("HTTP/1.1 101");
        }
        String refused = ClientSockets.exchange("127.0.0.1", relay.port(), join(Rooms.newId(), forwarded));
        assertThat(refused)
                .startsWith("HTTP/1.1 429 Too Many Requests")
                .containsIgnoringCase("retry-after: 10\r\n")
                .endsWith("\r\n\r\nYour address already has 3 connections open to this relay; try again when one"
                        + " has closed.");
        JsonNode line = audit.await("refused", l -> l.path("reason").asText().equals("per-ip-connections"));
        assertThat(line.path("client").asText()).isEqualTo("203.0.113.7");
        assertThat(line.has("room")).isFalse();

        // Another forwarded address, and the direct transfer's 127.0.0.1, are not affected.
        assertThat(ClientSockets.exchange("127.0.0.1", relay.port(), health("X-Forwarded-For: 203.0.113.8\r\n")))
                .startsWith("HTTP/1.1 200");
        transfer.finish();
    }

    @Test
    void behindAProxyLimitsTheRateOfTheForwardedAddress() throws Exception {
        RelayServer relay =
                start(b -> b.trustProxy(true).connectionBurstPerIp(2).connectionsPerMinutePerIp(1));
        String forwarded = "X-Forwarded-For: 2001:db8:1:2::1\r\n";
        String sameSlash64 = "X-Forwarded-For: 2001:db8:1:2:ffff::9\r\n";
        assertThat(ClientSockets.exchange("127.0.0.1", relay.port(), health(forwarded)))
                .startsWith("HTTP/1.1 200");
        assertThat(ClientSockets.exchange("127.0.0.1", relay.port(), health(forwarded)))
                .startsWith("HTTP/1.1 200");

        String refused = ClientSockets.exchange("127.0.0.1", relay.port(), health(sameSlash64));
        assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("retry-after: 60\r\n");
        assertThat(refused.substring(refused.indexOf("\r\n\r\n") + 4))
                .isEqualTo("Your address opened too many connections to this relay; try again in 60 seconds.");
        assertThat(audit.await("refused", l -> l.path("reason").asText().equals("connection-rate"))
                        .path("client")
                        .asText())
                .isEqualTo("2001:db8:1:2:ffff:0:0:9");
        assertThat(ClientSockets.exchange("127.0.0.1", relay.port(), health()))
                .as("requests without the header count under the proxy's address")
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void cutsSlowlorisSocketsAtTheHandshakeTimeoutWhileATransferGoesOn() throws Exception {
        RelayServer relay = start(b -> b.handshakeTimeout(Duration.ofMillis(500)));
        Transfer transfer = Transfer.start(relay);
        long started = System.nanoTime();

        String partial = "GET /v1/rooms/" + Rooms.newId() + "?role=send HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgr";
        for (int i = 0; i < 20; i++) {
            Socket socket = ClientSockets.open(ClientSockets.OTHER_ADDRESS, relay.port());
            socket.getOutputStream().write(partial.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        sockets.add(ClientSockets.open(ClientSockets.OTHER_ADDRESS, relay.port())); // says nothing at all
        for (Socket socket : sockets) {
            assertThat(ClientSockets.closedByRelay(socket, 5_000)).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(audit.await("refused", l -> l.path("reason").asText().equals("handshake-timeout"))
                        .path("client")
                        .asText())
                .isEqualTo(ClientSockets.OTHER_ADDRESS);

        // The transfer's peers upgraded long ago: the handshake timeout has passed and they are still served.
        transfer.finish();
    }

    @Test
    void closesConnectionsPastThePendingHandshakesAtAccept() throws Exception {
        RelayServer relay = start(b -> b.maxPendingHandshakes(3).handshakeTimeout(Duration.ofSeconds(2)));
        for (int i = 0; i < 3; i++) {
            sockets.add(ClientSockets.open("127.0.0.1", relay.port()));
        }
        Await.until("3 handshakes are pending", () -> relay.stats().connections() == 3);
        Socket fourth = ClientSockets.open("127.0.0.1", relay.port());
        sockets.add(fourth);
        assertThat(ClientSockets.closedByRelay(fourth, 1_000)).isTrue();
        audit.await("refused", l -> l.path("reason").asText().equals("pending-handshakes"));

        for (int i = 0; i < 3; i++) {
            sockets.get(i).close();
        }
        Await.until("the pending handshakes are over", () -> relay.stats().connections() == 0);
        assertThat(ClientSockets.exchange("127.0.0.1", relay.port(), health())).startsWith("HTTP/1.1 200");
    }

    @Test
    void refusesTheJoinPastTheJoinsPerRoomPerMinute() throws Exception {
        RelayServer relay = start(b -> b.joinsPerRoomPerMinute(3));
        String room = Rooms.newId();
        for (int i = 0; i < 3; i++) {
            TestPeer peer = TestPeer.connect(CLIENT, relay.uri(), room, RelayContract.ROLE_RECEIVE);
            assertThat(peer.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);
            peer.close();
        }

        String refused = ClientSockets.exchange("127.0.0.1", relay.port(), join(room, ""));
        assertThat(refused)
                .startsWith("HTTP/1.1 429")
                .containsIgnoringCase("retry-after: 20\r\n")
                .endsWith("\r\n\r\nThis room was joined more than 3 times in a minute; try again in 20 seconds.");
        JsonNode line = audit.await("refused", room);
        assertThat(line.path("reason").asText()).isEqualTo("join-rate");
        assertThat(line.path("client").asText()).isEqualTo("127.0.0.1");

        TestPeer elsewhere = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), RelayContract.ROLE_SEND);
        assertThat(elsewhere.nextText()).as("another room").isEqualTo(RelayContract.NOTICE_WAITING);
    }

    @Test
    void reportsAFrameOverTheLimit() throws Exception {
        RelayServer relay = start(b -> b.maxFrameBytes(1024));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, RelayContract.ROLE_SEND);
        sender.sendAsync(java.nio.ByteBuffer.wrap(new byte[2048]));
        assertThat(sender.awaitClosing().code()).isEqualTo(1009);
        assertThat(audit.await("refused", room).path("reason").asText()).isEqualTo("frame-too-large");
    }

    private static String health(String... headers) {
        return "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", headers) + "\r\n";
    }

    private static String join(String room, String headers) {
        return "GET /v1/rooms/" + room + "?role=send HTTP/1.1\r\nHost: 127.0.0.1\r\n" + RawHttp.upgradeHeaders()
                + headers + "\r\n";
    }

    /** A sender and a receiver from 127.0.0.1 moving {@value #CHUNKS} chunks in the background. */
    private record Transfer(TestPeer sender, TestPeer receiver, CompletableFuture<byte[]> sent) {

        static Transfer start(RelayServer relay) throws Exception {
            String room = Rooms.newId();
            TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, RelayContract.ROLE_SEND);
            TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, RelayContract.ROLE_RECEIVE);
            assertThat(receiver.nextText()).isEqualTo(RelayContract.pairedNotice(1));
            CompletableFuture<byte[]> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    for (int i = 0; i < CHUNKS; i++) {
                        byte[] chunk = Rooms.randomBytes(CHUNK);
                        digest.update(chunk);
                        sender.send(chunk);
                    }
                    return digest.digest();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return new Transfer(sender, receiver, sent);
        }

        /** Receives every chunk and checks that the receiver got exactly what was sent. */
        void finish() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < CHUNKS; i++) {
                digest.update(receiver.nextBinary());
            }
            assertThat(digest.digest()).isEqualTo(sent.get(30, TimeUnit.SECONDS));
            // One more round trip after everything: the peers are still served.
            receiver.send(new byte[] {42});
            assertThat(sender.nextBinary()).containsExactly(42);
        }
    }
}
