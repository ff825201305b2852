package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files and folders through a real relay with real clients: what goes in comes out. */
@Timeout(120)
class TransferEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path tmp;

    private Path src() throws Exception {
        return Files.createDirectories(tmp.resolve("src"));
    }

    private Path out() throws Exception {
        return Files.createDirectories(tmp.resolve("out"));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, Peers.CHUNK, Peers.CHUNK + 1})
    void aSingleFileOfEdgeSizeArrivesIntact(int size) throws Exception {
        Path file = Trees.randomFile(src().resolve("file.bin"), size, size);
        Trees.stamp(file, 1_500_000_000L);
        Path out = out();

        Peers.Run run = Peers.start(relay.uri(), List.of(file), out);

        TransferResult received = run.received();
        TransferResult sent = run.sent();
        Trees.assertSameTree(src(), out);
        assertThat(received.fileCount()).isEqualTo(1);
        assertThat(received.bytes()).isEqualTo(size);
        assertThat(received.paths()).containsExactly(out.resolve("file.bin"));
        assertThat(sent.paths()).containsExactly(file);
        assertThat(sent.bytes()).isEqualTo(size);
        assertThat(run.sender().state()).isEqualTo(TransferState.DONE);
        assertThat(run.receiver().state()).isEqualTo(TransferState.DONE);
    }

    @Test
    void fiftyMebibytesOfRandomDataArriveIntactWithBoundedRelayBuffers() throws Exception {
        Path file = Trees.randomFile(src().resolve("big.bin"), 50L << 20, 42);
        Path out = out();

        Peers.Run run =
                Peers.start(relay.uri(), List.of(file), out, b -> b.chunkSize(SendOptions.DEFAULT_CHUNK_SIZE), b -> b);

        assertThat(run.received().bytes()).isEqualTo(50L << 20);
        run.sent();
        assertThat(Trees.sha256(out.resolve("big.bin"))).isEqualTo(Trees.sha256(file));
        // Credit bounds what is in flight: the relay never holds more than the window and a few pieces.
        assertThat(relay.stats().peakBufferedBytes()).isLessThan((8L << 20) + 4 * SendOptions.DEFAULT_CHUNK_SIZE);
    }

    @Test
    void aFolderKeepsItsNestedAndEmptyFoldersAndTheirTimes() throws Exception {
        Path root = Files.createDirectories(src().resolve("project"));
        Trees.randomFile(root.resolve("a.txt"), 10, 1);
        Trees.randomFile(root.resolve("docs/guide/intro.md"), 3 * Peers.CHUNK + 7, 2);
        Trees.randomFile(root.resolve("docs/empty.txt"), 0, 3);
        Files.createDirectories(root.resolve("empty/nested-empty"));
        Files.createDirectories(root.resolve("docs/guide/deeper/empty"));
        long second = 1_600_000_000L;
        List<Path> all;
        try (var walk = Files.walk(root)) {
            all = new ArrayList<>(walk.toList());
        }
        all.sort((a, b) -> b.getNameCount() - a.getNameCount()); // children before parents
        for (Path p : all) {
            Trees.stamp(p, second++);
        }
        Path out = out();

        Peers.Run run = Peers.start(relay.uri(), List.of(root), out);

        TransferResult received = run.received();
        run.sent();
        Trees.assertSameTree(src(), out);
        assertThat(received.fileCount()).isEqualTo(3);
        assertThat(received.paths()).containsExactly(out.resolve("project"));
    }

    @Test
    void aThousandSmallFilesStreamBackToBack() throws Exception {
        Path root = src().resolve("many");
        for (int i = 0; i < 1000; i++) {
            Trees.randomFile(root.resolve("d" + (i % 10) + "/f" + i + ".bin"), i % 300, i);
        }
        Path out = out();

        Peers.Run run = Peers.start(relay.uri(), List.of(root), out);

        assertThat(run.received().fileCount()).isEqualTo(1000);
        assertThat(run.sent().fileCount()).isEqualTo(1000);
        Trees.assertSameTree(src(), out);
    }

    @Test
    void aGeneratedCodeHasTheNameplateAndThreeWords() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 100, 1);

        Peers.Run run = Peers.start(relay.uri(), List.of(file), out());

        assertThat(run.code()).matches("[1-9][0-9]{0,3}(-[a-z]+){3}");
        run.received();
        assertThat(run.receiver().code().get(1, TimeUnit.SECONDS)).isEqualTo(run.code());
    }

    @Test
    void theReceiverMayTypeTheCodeWithSpacesAndCapitals() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 1000, 7);
        Path out = out();
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(relay.uri()).code("4821-river-orbit-lamp").build());
        assertThat(sender.code().get(20, TimeUnit.SECONDS)).isEqualTo("4821-river-orbit-lamp");

        Transfer receiver = P2pCopy.receive(
                "  4821 River Orbit LAMP ",
                ReceiveOptions.builder(relay.uri(), out).build());

        assertThat(receiver.code().get(5, TimeUnit.SECONDS)).isEqualTo("4821-river-orbit-lamp");
        receiver.result().get(60, TimeUnit.SECONDS);
        sender.result().get(60, TimeUnit.SECONDS);
        Trees.assertSameTree(src(), out);
    }

    @Test
    void compressibleDataTravelsCompressed() throws Exception {
        long size = 16L << 20;
        Path file = Trees.textFile(src().resolve("log.txt"), size);
        Path out = out();
        long forwardedBefore = relay.stats().bytesForwarded();

        Peers.Run run = Peers.start(relay.uri(), List.of(file), out, b -> b.compression(Compression.AUTO), b -> b);

        assertThat(run.received().bytes()).isEqualTo(size);
        run.sent();
        assertThat(Trees.sha256(out.resolve("log.txt"))).isEqualTo(Trees.sha256(file));
        assertThat(relay.stats().bytesForwarded() - forwardedBefore).isLessThan(size / 10);
    }

    @Test
    void bothSidesReportStatesAndTheTruthAboutProgress() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 5L * Peers.CHUNK, 3);
        Recorder senderSide = new Recorder();
        Recorder receiverSide = new Recorder();

        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(file),
                out(),
                b -> b.listener(senderSide).compression(Compression.NONE),
                b -> b.listener(receiverSide));
        run.received();
        run.sent();

        List<TransferState> path = List.of(
                TransferState.CONNECTING,
                TransferState.WAITING_FOR_PEER,
                TransferState.HANDSHAKE,
                TransferState.AWAITING_ACCEPT,
                TransferState.TRANSFERRING,
                TransferState.DONE);
        assertThat(senderSide.states).containsExactlyElementsOf(path);
        assertThat(receiverSide.states).containsExactlyElementsOf(path);
        for (Recorder side : List.of(senderSide, receiverSide)) {
            TransferProgress last = side.progress.get(side.progress.size() - 1);
            assertThat(last.totalBytes()).isEqualTo(5L * Peers.CHUNK);
            assertThat(last.verifiedBytes()).isEqualTo(5L * Peers.CHUNK);
            assertThat(last.filesDone()).isEqualTo(1);
            assertThat(last.fileCount()).isEqualTo(1);
            assertThat(last.fraction()).isEqualTo(1.0);
            assertThat(side.progress)
                    .allSatisfy(p -> assertThat(p.verifiedBytes()).isLessThanOrEqualTo(p.totalBytes()));
        }
        assertThat(run.sender().progress().verifiedBytes()).isEqualTo(5L * Peers.CHUNK);
    }

    @Test
    void aStalledReceiverHoldsTheSenderToItsCredit() throws Exception {
        Path file = Trees.randomFile(src().resolve("big.bin"), 32L << 20, 11);
        long window = 8L << 20;
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransferListener slowDisk = new TransferListener() {
            @Override
            public void onProgress(TransferProgress p) {
                if (p.verifiedBytes() > 0 && stalled.getCount() > 0) {
                    stalled.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (RelayServer own = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).build())) {
            Peers.Run run = Peers.start(own.uri(), List.of(file), out(), b -> b, b -> b.listener(slowDisk));
            assertThat(stalled.await(30, TimeUnit.SECONDS)).isTrue();
            // The receiver writes nothing more and grants nothing more: the sender must stop at its window.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (own.stats().bytesForwarded() < window) {
                assertThat(System.nanoTime()).as("sender used its credit").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(5);
            }
            long watchUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < watchUntil) {
                assertThat(own.stats().bytesForwarded()).isLessThan(window + (64 << 10));
                TimeUnit.MILLISECONDS.sleep(5);
            }
            release.countDown();
            assertThat(run.received().bytes()).isEqualTo(32L << 20);
            run.sent();
            assertThat(own.stats().peakBufferedBytes()).isLessThan(window + (1 << 20));
        } finally {
            release.countDown();
        }
    }

    /** Records what a listener hears. */
    static final class Recorder implements TransferListener {
        final List<TransferState> states = new CopyOnWriteArrayList<>();
        final List<TransferProgress> progress = new CopyOnWriteArrayList<>();

        @Override
        public void onStateChanged(TransferState state) {
            states.add(state);
        }

        @Override
        public void onProgress(TransferProgress p) {
            progress.add(p);
        }
    }
}
