package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.NOTICE_PEER_LEFT;
import static dev.p2pcopy.relay.RelayContract.NOTICE_WAITING;
import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static dev.p2pcopy.relay.RelayContract.pairedNotice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RelayConnectionTest extends RelayFixture {

    @Test
    void pingsPeersAndCountsTheirPongsAsTraffic() throws Exception {
        RelayServer relay = start(b -> b.pingInterval(Duration.ofMillis(100)).idleTimeout(Duration.ofMillis(400)));
        TestPeer peer = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_SEND);
        assertThat(peer.nextText()).isEqualTo(NOTICE_WAITING);

        assertThatThrownBy(() -> peer.closing().get(1500, TimeUnit.MILLISECONDS))
                .as("a peer that answers pings stays connected past the idle timeout")
                .isInstanceOf(TimeoutException.class);
        assertThat(peer.pings()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void closesAPeerThatSendsNothing() throws Exception {
        RelayServer relay = start(b -> b.idleTimeout(Duration.ofMillis(300)));
        TestPeer peer = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_SEND);
        assertThat(peer.nextText()).isEqualTo(NOTICE_WAITING);

        assertThat(peer.awaitClosing())
                .isEqualTo(
                        new TestPeer.Closing(RelayContract.CLOSE_TIMEOUT, "nothing was received for 300 milliseconds"));
        assertThat(peer.pings()).isZero();
    }

    @Test
    void dropsAnIdleConnectionThatNeverSentARequest() throws Exception {
        RelayServer relay = start(b -> b.idleTimeout(Duration.ofMillis(200)));
        try (Socket socket = new Socket("127.0.0.1", relay.port())) {
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closesAPeerWhoseFrameIsTooLargeWith1009() throws Exception {
        RelayServer relay = start(b -> b.maxFrameBytes(64 * 1024));
        TestPeer[] pair = RelayPairingTest.pair(relay, Rooms.newId());
        pair[0].sendAsync(ByteBuffer.wrap(new byte[128 * 1024]));

        assertThat(pair[0].awaitClosing())
                .isEqualTo(new TestPeer.Closing(1009, "frames may carry at most 65536 bytes"));
        assertThat(pair[1].nextText()).isEqualTo(NOTICE_PEER_LEFT);
        assertThat(pair[1].hasBinary()).isFalse();
    }

    @Test
    void closesAPeerThatBreaksTheProtocolWith1002() throws Exception {
        RelayServer relay = start();
        try (RawWebSocket ws =
                RawWebSocket.open(relay.port(), RelayContract.ROOM_PATH_PREFIX + Rooms.newId() + "?role=send")) {
            assertThat(ws.read().payload()).asString().isEqualTo(NOTICE_WAITING);
            ws.write(new byte[] {(byte) 0x82, 0x03, 1, 2, 3}); // clients must mask their frames

            RawWebSocket.Frame close = ws.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(close.closeReason()).isEqualTo("the frame broke the WebSocket protocol");
            assertThat(ws.isClosedByRelay()).isTrue();
        }
    }

    @Test
    void shutdownClosesEveryPeerWith1001() throws Exception {
        RelayServer relay = start();
        TestPeer[] pair = RelayPairingTest.pair(relay, Rooms.newId());
        TestPeer lone = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_RECEIVE);
        assertThat(lone.nextText()).isEqualTo(NOTICE_WAITING);

        relay.close();

        TestPeer.Closing goingAway = new TestPeer.Closing(RelayContract.CLOSE_GOING_AWAY, "relay shutting down");
        assertThat(pair[0].awaitClosing()).isEqualTo(goingAway);
        assertThat(pair[1].awaitClosing()).isEqualTo(goingAway);
        assertThat(lone.awaitClosing()).isEqualTo(goingAway);
        assertThat(relay.stats().connections()).isZero();
    }

    @Test
    void aSenderHeldBackByAStuckReceiverIsNotTakenForIdle() throws Exception {
        RelayServer relay = start(b -> b.idleTimeout(Duration.ofMillis(500)).pingInterval(Duration.ofMillis(100)));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer stuck = TestPeer.connectWithoutReading(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            ByteBuffer frame = ByteBuffer.allocate(1 << 20);
            while (!stop.get()) {
                sender.sendAsync(frame.clear()).join();
                sent.incrementAndGet();
            }
        });

        // The stuck receiver answers no pings and is closed as idle; the sender, which the relay stopped reading,
        // is told that its partner left instead of being closed too.
        assertThat(sender.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        stop.set(true);
        sending.get(10, TimeUnit.SECONDS);
        assertThat(sent.get()).isGreaterThan(8);
        assertThat(sender.closing()).isNotDone();
        assertThat(relay.stats().roomsWaiting()).isEqualTo(1);
        stuck.abort();
    }
}
