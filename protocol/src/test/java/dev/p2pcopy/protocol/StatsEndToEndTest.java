package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.message.Accept;
import dev.p2pcopy.protocol.message.Done;
import dev.p2pcopy.protocol.message.ErrorMessage;
import dev.p2pcopy.protocol.message.FileEnd;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.message.Stats;
import dev.p2pcopy.protocol.transport.Role;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** STATS through a real relay: each side's figures reach the other, and never get in the transfer's way. */
@Timeout(60)
class StatsEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** The sender's figures; the NaN must arrive as unknown rather than as an invalid STATS. */
    private static final NodeStats SENDER = new NodeStats(0.25, 3L << 30, 16L << 30, 500L << 30, 1000, Double.NaN, -1);

    private static final NodeStats SENDER_AS_SEEN = new NodeStats(0.25, 3L << 30, 16L << 30, 500L << 30, 1000, -1, -1);
    private static final NodeStats RECEIVER = new NodeStats(0.75, 5L << 30, 8L << 30, 7L << 30, 3000, 4000, -1);
    private static final Stats RAW = new Stats(0.5, 1, 2, 3, 4, 5, 6);

    @TempDir
    Path tmp;

    private Path src() throws Exception {
        return Files.createDirectories(tmp.resolve("src"));
    }

    private Path out() throws Exception {
        return Files.createDirectories(tmp.resolve("out"));
    }

    @Test
    void eachSideSeesTheOthersFiguresWhileFilesFlow() throws Exception {
        Trees.randomFile(src().resolve("a.bin"), 3L * Peers.CHUNK + 5, 1);
        Side sender = new Side();
        Side receiver = new Side();
        // The sender holds its first piece until STATS went both ways after the transfer began: so
        // they keep coming after the first, while the session threads are busy elsewhere.
        sender.onState = state -> {
            if (state == TransferState.TRANSFERRING) {
                sender.mark();
                receiver.mark();
                Await.until(
                        "STATS both ways while transferring",
                        LIMIT,
                        () -> sender.sinceMark.get() > 0 && receiver.sinceMark.get() > 0);
            }
        };
        Path out = out();

        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(src().resolve("a.bin")),
                out,
                b -> b.statsSource(() -> SENDER).listener(sender),
                b -> b.statsSource(() -> RECEIVER).listener(receiver));

        run.received();
        run.sent();
        Trees.assertSameTree(src(), out);
        assertSeen(receiver, SENDER_AS_SEEN);
        assertSeen(sender, RECEIVER);
    }

    @Test
    void aThrowingOrStuckSourceNeverHoldsUpTheTransfer() throws Exception {
        Trees.randomFile(src().resolve("a.bin"), 2L * Peers.CHUNK, 2);
        AtomicInteger senderSamples = new AtomicInteger();
        CountDownLatch receiverSampling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        NodeStatsSource throwing = () -> {
            senderSamples.incrementAndGet();
            throw new IllegalStateException("no sensors here");
        };
        NodeStatsSource stuck = () -> {
            receiverSampling.countDown();
            try {
                release.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RECEIVER;
        };
        Side sender = new Side();
        Side receiver = new Side();
        Path out = out();
        try {
            Peers.Run run = Peers.start(
                    relay.uri(),
                    List.of(src().resolve("a.bin")),
                    out,
                    b -> b.statsSource(throwing).listener(sender),
                    b -> b.statsSource(stuck)
                            .listener(receiver)
                            .offerHandler(manifest -> CompletableFuture.supplyAsync(() -> {
                                // Accept only once both sources are in use: the transfer runs beside them.
                                Await.until(
                                        "both sources sampled",
                                        LIMIT,
                                        () -> senderSamples.get() > 0 && receiverSampling.getCount() == 0);
                                return true;
                            })));

            run.received();
            run.sent();
            Trees.assertSameTree(src(), out);
            assertThat(receiver.peerStats).isEmpty();
            assertThat(sender.peerStats).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void statsDoNotDisturbASenderWaitingForTheReceiversAnswers() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 3);
        Side side = new Side();
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(relay.uri())
                        .chunkSize(Peers.CHUNK)
                        .listener(side)
                        .build());
        Code code = Code.parse(sender.code().get(20, TimeUnit.SECONDS));
        try (RawPeer receiver = new RawPeer(relay.uri(), code.roomId(), Role.RECEIVE)) {
            receiver.paired.get(20, TimeUnit.SECONDS);
            receiver.handshake(code, new Hello(1, "receive", List.of("none"), 0, true));
            receiver.send(RAW);
            receiver.expect(Manifest.class);
            receiver.send(RAW); // the sender waits for ACCEPT
            receiver.send(Accept.yes(List.of(0L), 1 << 20));
            assertThat(receiver.nextFrame().type()).isEqualTo(FrameType.DATA);
            receiver.expect(FileEnd.class);
            receiver.expect(Done.class);
            receiver.send(RAW); // the sender waits for DONE
            receiver.send(new Done(1, 10));
            receiver.expect(Done.class);
        }

        assertThat(sender.result().get(20, TimeUnit.SECONDS).bytes()).isEqualTo(10);
        assertThat(side.peerStats).hasSize(3).containsOnly(RAW.toNodeStats());
    }

    @Test
    void statsDoNotDisturbAReceiverWaitingForTheSendersFrames() throws Exception {
        Path out = out();
        Code code = Code.parse("61-stats-between");
        Side side = new Side();
        Transfer receiver = P2pCopy.receive(
                code.value(),
                ReceiveOptions.builder(relay.uri(), out).listener(side).build());
        byte[] content = "hello, stats".getBytes(StandardCharsets.UTF_8);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try (RawPeer sender = new RawPeer(relay.uri(), code.roomId(), Role.SEND)) {
            sender.paired.get(20, TimeUnit.SECONDS);
            sender.handshake(code, new Hello(1, "send", List.of("none"), Peers.CHUNK, true));
            sender.send(RAW); // the receiver waits for MANIFEST
            sender.send(new Manifest(List.of(new ManifestEntry("a.txt", EntryType.FILE, content.length, 0, -1))));
            assertThat(sender.expect(Accept.class).accepted()).isTrue();
            sender.send(RAW); // the receiver waits for DATA
            sender.sendData(0, 0, content);
            sender.send(sender.fileEnd(0, sha256));
            sender.send(new Done(1, content.length));
            while (sender.nextFrame().type() != FrameType.DONE) {
                // ACKs
            }
            sender.send(RAW); // the receiver waits for the sender's goodbye
            sender.send(new Done(1, content.length));
        }

        assertThat(receiver.result().get(20, TimeUnit.SECONDS).fileCount()).isEqualTo(1);
        assertThat(out.resolve("a.txt")).hasContent("hello, stats");
        assertThat(side.peerStats).hasSize(3).containsOnly(RAW.toNodeStats());
    }

    @Test
    void aStatsWithInvalidFiguresIsAProtocolError() throws Exception {
        Code code = Code.parse("62-stats-hostile");
        Transfer receiver = P2pCopy.receive(
                code.value(), ReceiveOptions.builder(relay.uri(), out()).build());
        String hostile = "{\"cpuLoad\":\"NaN\",\"memoryUsedBytes\":1,\"memoryTotalBytes\":2,\"diskFreeBytes\":3,"
                + "\"netReceiveBytesPerSecond\":4,\"netSendBytesPerSecond\":5,\"transferBytesPerSecond\":6}";
        try (RawPeer sender = new RawPeer(relay.uri(), code.roomId(), Role.SEND)) {
            sender.paired.get(20, TimeUnit.SECONDS);
            sender.handshake(code, new Hello(1, "send", List.of("none"), Peers.CHUNK, true));
            sender.sendRaw(FrameType.STATS, hostile.getBytes(StandardCharsets.UTF_8));
            assertThat(sender.expect(ErrorMessage.class).reason()).isEqualTo("PROTOCOL");
        }

        TransferException e = Peers.failure(receiver);
        assertThat(e.reason()).isEqualTo(FailureReason.PROTOCOL);
        assertThat(e.getMessage()).isEqualTo("The peer's STATS is malformed: STATS carries an invalid CPU load.");
    }

    @Test
    void statsResumeUnderTheNewKeysAfterAReconnection() throws Exception {
        Trees.randomFile(src().resolve("a.bin"), 4L * Peers.CHUNK, 4);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RelayServer first = startRelay(port);
        ReconnectPolicy quick = new ReconnectPolicy(
                Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5));
        Side sender = new Side();
        Side receiver = new Side();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch restarted = new CountDownLatch(1);
        AtomicInteger transferring = new AtomicInteger();
        receiver.onState = state -> {
            if (state == TransferState.RECONNECTING) {
                receiver.mark();
            }
        };
        // The sender holds its first piece until the relay is back, and the first piece after the
        // new handshake until STATS of the new pairing went both ways.
        sender.onState = state -> {
            if (state == TransferState.RECONNECTING) {
                sender.mark();
            } else if (state == TransferState.TRANSFERRING && transferring.incrementAndGet() == 1) {
                held.countDown();
                awaitLatch(restarted);
            } else if (state == TransferState.TRANSFERRING) {
                Await.until(
                        "STATS both ways after reconnecting",
                        LIMIT,
                        () -> sender.sinceMark.get() > 0 && receiver.sinceMark.get() > 0);
            }
        };
        Path out = out();
        try {
            Peers.Run run = Peers.start(
                    first.uri(),
                    List.of(src().resolve("a.bin")),
                    out,
                    b -> b.statsSource(() -> SENDER).listener(sender).reconnect(quick),
                    b -> b.statsSource(() -> RECEIVER).listener(receiver).reconnect(quick));
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            first.close();
            Await.until("the receiver reconnecting", LIMIT, () -> receiver.states.contains(TransferState.RECONNECTING));
            try (RelayServer second = startRelay(port)) {
                restarted.countDown();

                run.received();
                run.sent();
                Trees.assertSameTree(src(), out);
                assertThat(transferring.get()).isEqualTo(2);
                assertSeen(receiver, SENDER_AS_SEEN);
                assertSeen(sender, RECEIVER);
            }
        } finally {
            restarted.countDown();
            first.close();
        }
    }

    private static void assertSeen(Side side, NodeStats expected) {
        assertThat(side.peerStats).isNotEmpty().allSatisfy(stats -> {
            assertThat(stats.transferBytesPerSecond()).isNotNegative(); // the engine's figure, not the source's
            assertThat(stats.withTransferRate(-1)).isEqualTo(expected);
        });
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static RelayServer startRelay(int port) throws Exception {
        return RelayServer.start(RelayConfig.builder()
                .host("127.0.0.1")
                .port(port)
                .connectionBurstPerIp(1000)
                .connectionsPerMinutePerIp(1000)
                .maxConnectionsPerIp(1000)
                .build());
    }

    /** One side's listener: its states, and the peer's figures, counted from a mark on. */
    private static final class Side implements TransferListener {
        final List<TransferState> states = new CopyOnWriteArrayList<>();
        final List<NodeStats> peerStats = new CopyOnWriteArrayList<>();
        final AtomicInteger sinceMark = new AtomicInteger();
        volatile Consumer<TransferState> onState = state -> {};
        private volatile boolean marked;

        void mark() {
            marked = true;
        }

        @Override
        public void onStateChanged(TransferState state) {
            states.add(state);
            onState.accept(state);
        }

        @Override
        public void onPeerStats(NodeStats stats) {
            peerStats.add(stats);
            if (marked) {
                sinceMark.incrementAndGet();
            }
        }
    }
}
