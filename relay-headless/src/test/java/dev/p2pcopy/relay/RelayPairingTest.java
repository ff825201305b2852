package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.NOTICE_PEER_LEFT;
import static dev.p2pcopy.relay.RelayContract.NOTICE_WAITING;
import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static dev.p2pcopy.relay.RelayContract.pairedNotice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RelayPairingTest extends RelayFixture {

    @Test
    void pairsASenderAndAReceiverAndTellsBoth() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();

        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        assertThat(relay.stats().roomsWaiting()).isEqualTo(1);
        assertThat(relay.stats().roomsPaired()).isZero();

        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));
        assertThat(relay.stats().roomsWaiting()).isZero();
        assertThat(relay.stats().roomsPaired()).isEqualTo(1);
        assertThat(relay.stats().connections()).isEqualTo(2);
    }

    @Test
    void forwardsBinaryFramesUnchangedInBothDirections() throws Exception {
        RelayServer relay = start();
        TestPeer[] pair = pair(relay, Rooms.newId());
        TestPeer sender = pair[0];
        TestPeer receiver = pair[1];

        long total = 0;
        for (int size : new int[] {1, 1000, 1 << 20, 16 << 20}) {
            byte[] data = Rooms.randomBytes(size);
            sender.send(data);
            assertThat(receiver.nextBinary(30)).as("%d bytes", size).isEqualTo(data);
            total += size;
        }
        byte[] back = Rooms.randomBytes(1 << 20);
        receiver.send(back);
        assertThat(sender.nextBinary()).isEqualTo(back);
        total += back.length;

        long expected = total;
        Await.until("every byte counts as forwarded", () -> relay.stats().bytesForwarded() == expected);
        assertThat(relay.stats().bufferedBytes()).isZero();
    }

    @Test
    void ignoresTextFramesAndDropsBinaryFramesSentWhileAlone() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        sender.send(new byte[] {1, 2, 3});

        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));
        sender.sendText("{\"event\":\"paired\"}");
        sender.send(new byte[] {4, 5});

        assertThat(receiver.nextBinary()).containsExactly(4, 5);
        receiver.close();
        assertThat(sender.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        assertThat(receiver.hasBinary()).isFalse();
    }

    @Test
    void forwardsAFragmentedMessageWholeOrNotAtAll() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        sender.sendPart(new byte[] {1}, false);

        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));
        sender.sendPart(new byte[] {2}, true); // ends a message that began before the receiver came
        sender.sendTextPart("{\"event\":", false);
        sender.sendTextPart("\"paired\"}", true);
        sender.sendPart(new byte[] {3, 4}, false);
        sender.sendPart(new byte[] {5}, false);
        sender.sendPart(new byte[] {6}, true);

        assertThat(receiver.nextBinary()).containsExactly(3, 4, 5, 6);
        receiver.close();
        assertThat(sender.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        assertThat(receiver.hasBinary()).isFalse();
    }

    @Test
    void refusesASecondPeerOfTheSameRole() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer first = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(first.nextText()).isEqualTo(NOTICE_WAITING);

        TestPeer second = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(second.awaitClosing())
                .isEqualTo(new TestPeer.Closing(RelayContract.CLOSE_ROLE_TAKEN, "a sender is already in this room"));
        assertThat(relay.stats().roomsWaiting()).isEqualTo(1);
    }

    @Test
    void refusesAThirdPeer() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        pair(relay, room);

        TestPeer third = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(third.awaitClosing())
                .isEqualTo(new TestPeer.Closing(RelayContract.CLOSE_ROLE_TAKEN, "a receiver is already in this room"));
        assertThat(relay.stats().roomsPaired()).isEqualTo(1);
    }

    @Test
    void closesALonePeerAfterTheWaitTimeout() throws Exception {
        RelayServer relay = start(b -> b.waitTimeout(Duration.ofMillis(300)));
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);

        assertThat(sender.awaitClosing())
                .isEqualTo(new TestPeer.Closing(RelayContract.CLOSE_TIMEOUT, "no peer joined within 300 milliseconds"));
        Await.until("the room is gone", () -> relay.stats().roomsWaiting() == 0);
    }

    @Test
    void aPeerThatDropsCanComeBackWithinTheGracePeriod() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer[] pair = pair(relay, room);
        TestPeer sender = pair[0];

        pair[1].abort();
        assertThat(sender.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        assertThat(relay.stats().roomsWaiting()).isEqualTo(1);

        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(2));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(2));
        byte[] data = Rooms.randomBytes(4096);
        sender.send(data);
        assertThat(receiver.nextBinary()).isEqualTo(data);
        receiver.send(data);
        assertThat(sender.nextBinary()).isEqualTo(data);
    }

    @Test
    void closesTheRemainingPeerWhenTheGracePeriodRunsOut() throws Exception {
        RelayServer relay = start(b -> b.gracePeriod(Duration.ofMillis(300)));
        TestPeer[] pair = pair(relay, Rooms.newId());
        TestPeer receiver = pair[1];

        pair[0].close();
        assertThat(receiver.nextText()).isEqualTo(NOTICE_PEER_LEFT);
        assertThat(receiver.awaitClosing())
                .isEqualTo(new TestPeer.Closing(
                        RelayContract.CLOSE_TIMEOUT, "the other side did not come back within 300 milliseconds"));
        Await.until("the room is gone", () -> relay.stats().roomsWaiting() == 0);
    }

    @Test
    void refusesNewRoomsWhenFull() throws Exception {
        RelayServer relay = start(b -> b.maxRooms(1));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);

        TestPeer other = TestPeer.connect(CLIENT, relay.uri(), Rooms.newId(), ROLE_SEND);
        TestPeer.Closing refused = other.awaitClosing();
        assertThat(refused.code()).isEqualTo(RelayContract.CLOSE_RELAY_FULL);
        assertThat(refused.reason()).isEqualTo("the relay is full (1 rooms open); try again later");

        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
    }

    @Test
    void removesTheRoomWhenBothPeersLeave() throws Exception {
        RelayServer relay = start();
        TestPeer[] pair = pair(relay, Rooms.newId());

        pair[0].close();
        pair[1].close();
        Await.until(
                "no rooms and no connections are left",
                () -> relay.stats().roomsWaiting() == 0
                        && relay.stats().roomsPaired() == 0
                        && relay.stats().connections() == 0);
    }

    static TestPeer[] pair(RelayServer relay, String room) throws Exception {
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        assertThat(sender.nextText()).isEqualTo(pairedNotice(1));
        return new TestPeer[] {sender, receiver};
    }
}
