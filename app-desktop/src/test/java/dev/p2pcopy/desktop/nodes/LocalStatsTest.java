package dev.p2pcopy.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.protocol.NodeStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalStatsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void samplesThisComputer() throws Exception {
        try (LocalStats stats = new LocalStats(() -> dir)) {
            Await.until(() -> stats.current().cpuLoad() >= 0, WAIT, "a CPU load");
            NodeStats s = stats.sample();
            assertThat(s.cpuLoad()).isBetween(0.0, 1.0);
            assertThat(s.memoryTotalBytes()).isPositive();
            assertThat(s.memoryUsedBytes()).isPositive().isLessThanOrEqualTo(s.memoryTotalBytes());
            assertThat(s.diskFreeBytes()).isPositive();
            assertThat(s.netReceiveBytesPerSecond()).isNotNegative();
            assertThat(s.netSendBytesPerSecond()).isNotNegative();
            assertThat(s.transferBytesPerSecond()).as("the engine fills it in").isNegative();
        }
    }

    @Test
    void theFirstSampleIsWaitedForAndLaterOnesAreNot() {
        try (LocalStats stats = new LocalStats(() -> dir)) {
            NodeStats first = stats.sample();
            assertThat(first.memoryTotalBytes()).isPositive();
            long start = System.nanoTime();
            stats.sample();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void saysWhenItIsClosed() {
        LocalStats stats = new LocalStats(() -> dir);
        assertThat(stats.isClosed()).isFalse();
        stats.close();
        assertThat(stats.isClosed()).isTrue();
        assertThat(stats.sample()).as("answers without a sampler").isNotNull();
    }

    @Test
    void reportsTheFreeSpaceOfTheNearestExistingFolder() {
        long free = SystemSampler.freeSpace(dir.resolve("not/there/yet"));
        assertThat(free).isPositive();
        assertThat(SystemSampler.freeSpace(null)).isEqualTo(-1);
    }

    @Test
    void countsLoopbackTrafficLikeATransferThroughTheEmbeddedRelay() throws Exception {
        try (LocalStats stats = new LocalStats(() -> dir);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicBoolean seen = new AtomicBoolean();
            CompletableFuture<Void> sink = CompletableFuture.runAsync(() -> drain(server));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream out = socket.getOutputStream()) {
                byte[] block = new byte[1 << 20];
                long deadline = System.nanoTime() + WAIT.toNanos();
                // 20 MB/s or more on loopback can only be ours (or other tests'): keep sending until it shows.
                while (!seen.get() && System.nanoTime() < deadline) {
                    out.write(block);
                    NodeStats s = stats.current();
                    seen.set(s.netReceiveBytesPerSecond() > 20e6 && s.netSendBytesPerSecond() > 20e6);
                }
            }
            sink.get();
            assertThat(seen).as("loopback traffic counted in both directions").isTrue();
        }
    }

    private static void drain(ServerSocket server) {
        try (Socket s = server.accept();
                InputStream in = s.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
