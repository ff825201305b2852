package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} and {@code receive} in this JVM while their relay goes away mid-transfer: it is
 * stopped and started again on the same port, the way a relay restart looks to a client.
 */
@Timeout(60)
class CliReconnectTest {
    private static final int MIB = TestFiles.MIB;
    /** Large enough that the transfer is still running when the relay stops after its first MiB. */
    private static final int FILE_BYTES = 64 * MIB;

    @TempDir
    Path tmp;

    private int port;
    private RelayServer relay;
    private Path file;
    private Path out;

    @BeforeEach
    void setUp() throws IOException {
        port = Ports.free();
        relay = startRelay(port);
        Path album = Files.createDirectories(tmp.resolve("src/album"));
        Files.writeString(album.resolve("notes.txt"), "sunny");
        file = TestFiles.randomFile(album.resolve("big.bin"), FILE_BYTES);
        out = Files.createDirectory(tmp.resolve("out"));
    }

    @AfterEach
    void tearDown() {
        relay.close();
    }

    @Test
    void aRelayRestartMidTransferIsRiddenOutAndShown() throws Exception {
        CliHarness cli = cli("5-relay-restart");
        CliHarness.Running send = cli.start("", sendArgs(file));
        send.awaitCode();
        CliHarness.Running receive = cli.start("", receiveArgs());

        stopRelayMidTransfer();
        relay = startRelay(port);
        CliHarness.Result sent = send.finish();
        CliHarness.Result received = receive.finish();

        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(received.exitCode()).as(received.err()).isZero();
        for (CliHarness.Result side : List.of(sent, received)) {
            assertThat(side.err())
                    .containsSubsequence(
                            "Connected.",
                            "Connection lost; reconnecting...",
                            "Reconnected; continuing where it stopped.")
                    .containsOnlyOnce("Connected.");
        }
        assertThat(sent.out()).contains("Sent 1 file");
        assertThat(received.out()).contains("Received 1 file");
        assertThat(Files.mismatch(file, out.resolve("big.bin"))).isEqualTo(-1);
        assertThat(TestFiles.listing(out)).containsExactly("big.bin");
    }

    @Test
    void withReconnectingOffALostRelayEndsBothSidesAsBefore() throws Exception {
        CliHarness cli = cli("6-no-reconnect");
        CliHarness.Running send = cli.start("", sendArgs(file, "--reconnect-for", "0"));
        send.awaitCode();
        CliHarness.Running receive = cli.start("", receiveArgs("--reconnect-for", "0"));

        stopRelayMidTransfer();
        CliHarness.Result sent = send.finish();
        CliHarness.Result received = receive.finish();

        for (CliHarness.Result side : List.of(sent, received)) {
            assertThat(side.exitCode()).as(side.err()).isEqualTo(ExitCodes.RELAY_UNREACHABLE);
            assertThat(side.err()).doesNotContain("reconnecting").doesNotContain("\tat ");
            assertThat(side.err().lines().filter(line -> line.startsWith("p2p-copy: ")))
                    .hasSize(1);
        }
        assertThat(out.resolve("big.bin")).doesNotExist();
    }

    @Test
    void givingUpOnReconnectingIsExit3AndRunningAgainResumesIntoTheSameFolder() throws Exception {
        Path album = file.getParent();
        CliHarness cli = cli("7-give-up");
        CliHarness.Running send = cli.start("", sendArgs(album, "--reconnect-for", "2s"));
        send.awaitCode();
        CliHarness.Running receive = cli.start("", receiveArgs("--reconnect-for", "2s"));

        stopRelayMidTransfer();
        CliHarness.Result sent = send.finish();
        CliHarness.Result received = receive.finish();

        for (CliHarness.Result side : List.of(sent, received)) {
            assertThat(side.exitCode()).as(side.err()).isEqualTo(ExitCodes.RELAY_UNREACHABLE);
            assertThat(side.err())
                    .containsSubsequence(
                            "Connection lost; reconnecting...",
                            "p2p-copy: ",
                            "reconnecting did not succeed within 2 seconds. Run the same command again to resume.");
        }
        // What was verified stays for the next run, beside the target, under hidden names.
        assertThat(TestFiles.listing(out)).containsExactly("album");
        assertThat(TestFiles.listing(out.resolve("album")))
                .contains(".p2p-copy-incomplete", ".big.bin.p2p-copy-part", ".big.bin.p2p-copy-part.p2p-copy-journal")
                .doesNotContain("big.bin");

        relay = startRelay(port);
        CliHarness.Running again = cli.start("", sendArgs(album));
        again.awaitCode();
        CliHarness.Result resumed = cli.run("", receiveArgs()); // --on-conflict rename, the default

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(again.finish().exitCode()).isZero();
        assertThat(TestFiles.listing(out)).as("resumed into, not renamed").containsExactly("album");
        assertThat(TestFiles.listing(out.resolve("album"))).containsExactly("big.bin", "notes.txt");
        assertThat(Files.mismatch(file, out.resolve("album/big.bin"))).isEqualTo(-1);
        assertThat(out.resolve("album/notes.txt")).hasContent("sunny");
        // Starting over would have cost the whole file plus framing; the verified part was not sent again.
        assertThat(relay.stats().bytesForwarded()).isLessThan(FILE_BYTES);
    }

    private CliHarness cli(String code) {
        try {
            return new CliHarness(Ports.free(), Map.of(CodeSource.VARIABLE, code), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String[] sendArgs(Path source, String... extra) {
        return Stream.concat(
                        Stream.of("send", "--relay", url(), "--chunk-size", "256k", "--compress", "none"),
                        Stream.concat(Stream.of(extra), Stream.of(source.toString())))
                .toArray(String[]::new);
    }

    private String[] receiveArgs(String... extra) {
        return Stream.concat(Stream.of("receive", "--relay", url(), "--yes", "--out", out.toString()), Stream.of(extra))
                .toArray(String[]::new);
    }

    private String url() {
        return "ws://127.0.0.1:" + port;
    }

    /** Stops the relay once file data flows through it, long before the whole file could have. */
    private void stopRelayMidTransfer() throws Exception {
        RelayServer running = relay;
        Await.until(
                () -> running.stats().bytesForwarded() >= MIB, Duration.ofSeconds(30), "file data through the relay");
        running.close();
    }

    private RelayServer startRelay(int port) throws IOException {
        return RelayServer.start(RelayConfig.builder()
                .host("127.0.0.1")
                .port(port)
                .joinsPerRoomPerMinute(1000)
                .auditLog(tmp.resolve("audit.log"))
                .build());
    }
}
