package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay as its own process, {@code kill -9}ed in the middle of a 200 MiB transfer between a
 * {@code send} and a {@code receive} process and started again on the same port: both finish by
 * themselves and say that they reconnected.
 */
@Timeout(90)
class RelayRestartTest {
    @TempDir
    Path tmp;

    @Test
    void aRelayKilledAndStartedAgainMidTransferIsRiddenOut() throws Exception {
        Path source = TestFiles.big();
        Path out = Files.createDirectory(tmp.resolve("out"));
        int port = Ports.free();
        String url = "ws://127.0.0.1:" + port;
        Map<String, String> code = Map.of(CodeSource.VARIABLE, "31-relay-restart");

        CliProcess relay = CliProcess.relay(tmp, "relay", port);
        try (CliProcess sender = CliProcess.start(
                        tmp,
                        "send",
                        code,
                        "send",
                        "--relay",
                        url,
                        "--chunk-size",
                        "1m",
                        "--compress",
                        "none",
                        source.toString());
                CliProcess receiver = CliProcess.start(
                        tmp, "receive", code, "receive", "--relay", url, "--yes", "--out", out.toString())) {
            Path part = TestFiles.partOf(out.resolve("big.bin"));
            Await.until(
                    () -> TestFiles.sizeOf(part) >= TestFiles.BIG_BYTES * 3 / 10,
                    Duration.ofSeconds(40),
                    "30% of the file at the receiver");
            relay.kill();
            relay = CliProcess.relay(tmp, "relay-again", port);

            assertThat(sender.awaitExit(Duration.ofSeconds(60)))
                    .as(sender.toString())
                    .isZero();
            assertThat(receiver.awaitExit(Duration.ofSeconds(30)))
                    .as(receiver.toString())
                    .isZero();
            for (CliProcess side : List.of(sender, receiver)) {
                assertThat(side.err())
                        .as(side.toString())
                        .containsSubsequence(
                                "Connection lost; reconnecting...", "Reconnected; continuing where it stopped.");
            }
            assertThat(sender.out()).contains("Sent 1 file");
            assertThat(receiver.out()).contains("Received 1 file");
        } finally {
            relay.close();
        }
        assertThat(TestFiles.sha256(out.resolve("big.bin"))).isEqualTo(TestFiles.bigSha256());
        assertThat(TestFiles.listing(out)).containsExactly("big.bin");
    }
}
