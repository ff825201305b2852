package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RelayBackpressureTest extends RelayFixture {

    private static final int FRAME = 1 << 20;
    private static final int FRAMES = 256;
    private static final long BOUND = 32L << 20;

    @Test
    void aReceiverThatStopsReadingStallsTheSenderInsteadOfFillingTheRelay() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);
        TestPeer receiver = TestPeer.connectWithoutReading(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(sender.nextText()).isEqualTo(RelayContract.pairedNotice(1));

        AtomicInteger sent = new AtomicInteger();
        CRC32 sentCrc = new CRC32();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendAll(sender, sent, sentCrc));

        awaitStall(sent, relay);
        long offered = (long) FRAMES * FRAME;
        RelayStats stalled = relay.stats();
        assertThat(sent.get()).as("frames sent before the stall").isLessThan(FRAMES);
        assertThat(stalled.peakBufferedBytes()).isLessThan(BOUND).isLessThan(offered / 8);

        receiver.request(Long.MAX_VALUE);
        CRC32 receivedCrc = new CRC32();
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = receiver.nextBinary(30);
            assertThat(frame).hasSize(FRAME);
            assertThat(ByteBuffer.wrap(frame).getInt()).as("frame order").isEqualTo(i);
            receivedCrc.update(frame);
        }
        sending.get(30, TimeUnit.SECONDS);
        assertThat(receivedCrc.getValue()).isEqualTo(sentCrc.getValue());
        assertThat(relay.stats().peakBufferedBytes()).isLessThan(BOUND);
        Await.until("all bytes are forwarded", () -> relay.stats().bytesForwarded() == offered);
    }

    private static void sendAll(TestPeer sender, AtomicInteger sent, CRC32 crc) {
        byte[] frame = Rooms.randomBytes(FRAME);
        try {
            for (int i = 0; i < FRAMES; i++) {
                ByteBuffer.wrap(frame).putInt(i);
                crc.update(frame);
                sender.sendAsync(ByteBuffer.wrap(frame)).get(60, TimeUnit.SECONDS);
                sent.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the relay holds a backlog for the receiver and no frame went out for half a second. */
    private static void awaitStall(AtomicInteger sent, RelayServer relay) throws InterruptedException {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        Await.until("the sender stalls", Duration.ofSeconds(60), () -> {
            int now = sent.get();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > TimeUnit.MILLISECONDS.toNanos(500)
                    && relay.stats().bufferedBytes() > RelayConfig.DEFAULT_WRITE_BUFFER_LOW_WATER_MARK;
        });
    }
}
