package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a receiving {@code p2p-copy receive} process in the middle of a 200 MiB file,
 * then the same command run again into the same folder: it resumes from what the killed one had
 * verified, both while the sender is still reconnecting (same code) and from a new sender (new
 * code). The sender runs in this JVM through the API, so that it can report what it sent.
 */
@Timeout(90)
class KillReceiverTest {
    private static final int CHUNK = TestFiles.MIB;
    private static final long KILL_AT = 60L * TestFiles.MIB;
    /**
     * What the relay forwards on top of file bytes: frame headers, the encryption's tags, the
     * handshake, acknowledgements. Measured at 0.04 % for a whole 200 MiB file; five times that.
     */
    private static final double FRAMING = 0.002;

    @TempDir
    Path tmp;

    private static Path source;
    private final List<Transfer> senders = new ArrayList<>();
    private RelayServer relay;
    private Path out;

    @BeforeAll
    static void writeSource() throws Exception {
        source = TestFiles.big();
    }

    @BeforeEach
    void startRelay() throws Exception {
        relay = RelayServer.start(RelayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .joinsPerRoomPerMinute(1000)
                .auditLog(tmp.resolve("audit.log"))
                .build());
        out = Files.createDirectory(tmp.resolve("out"));
    }

    @AfterEach
    void stop() {
        senders.forEach(Transfer::cancel); // a failed test must not leave a sender reconnecting
        relay.close();
    }

    @Test
    void runAgainWithTheSameCodeItResumesWhileTheSenderReconnects() throws Exception {
        String code = "21-killed-receiver";
        StateRecorder senderStates = new StateRecorder();
        Transfer sender = send(code, senderStates);
        long partAtKill;
        try (CliProcess first = receive("first", code)) {
            partAtKill = killWhenPartReaches(first);
        }
        senderStates.await(TransferState.RECONNECTING, Duration.ofSeconds(30));
        long forwardedBefore = relay.stats().bytesForwarded();

        try (CliProcess second = receive("second", code)) {
            assertThat(second.awaitExit(Duration.ofSeconds(60)))
                    .as(second.toString())
                    .isZero();
            assertThat(second.out()).contains("Received 1 file");
        }
        TransferResult sent = sender.result().get(30, TimeUnit.SECONDS);

        assertThat(TestFiles.sha256(out.resolve("big.bin"))).isEqualTo(TestFiles.bigSha256());
        assertThat(TestFiles.listing(out)).containsExactly("big.bin");
        long remainder = TestFiles.BIG_BYTES - partAtKill;
        long forwardedAfter = relay.stats().bytesForwarded() - forwardedBefore;
        assertThat(forwardedAfter)
                .as(
                        "bytes through the relay after the kill, with %d of %d bytes on disk at the kill",
                        partAtKill, TestFiles.BIG_BYTES)
                .isLessThanOrEqualTo((long) ((remainder + 2L * CHUNK) * (1 + FRAMING)));
        assertThat(sent.bytes()).isPositive();
        assertThat(senderStates.states())
                .containsSubsequence(TransferState.RECONNECTING, TransferState.TRANSFERRING, TransferState.DONE);
    }

    @Test
    void runAgainWithANewCodeFromANewSenderItResumes() throws Exception {
        StateRecorder firstStates = new StateRecorder();
        Transfer firstSender = send("22-first-sender", firstStates);
        long partAtKill;
        try (CliProcess first = receive("first", "22-first-sender")) {
            partAtKill = killWhenPartReaches(first);
        }
        firstStates.await(TransferState.RECONNECTING, Duration.ofSeconds(30));
        firstSender.cancel();
        assertThatThrownBy(() -> firstSender.result().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        Transfer secondSender = send("23-second-sender", new StateRecorder());
        try (CliProcess second = receive("second", "23-second-sender")) {
            assertThat(second.awaitExit(Duration.ofSeconds(60)))
                    .as(second.toString())
                    .isZero();
        }
        TransferResult sent = secondSender.result().get(30, TimeUnit.SECONDS);

        assertThat(TestFiles.sha256(out.resolve("big.bin"))).isEqualTo(TestFiles.bigSha256());
        assertThat(TestFiles.listing(out)).containsExactly("big.bin");
        assertThat(sent.bytes())
                .as(
                        "file bytes sent the second time, with %d of %d bytes on disk at the kill",
                        partAtKill, TestFiles.BIG_BYTES)
                .isLessThanOrEqualTo(TestFiles.BIG_BYTES - partAtKill + 2L * CHUNK)
                .isPositive();
    }

    private Transfer send(String code, StateRecorder states) {
        Transfer sender = P2pCopy.send(
                List.of(source),
                SendOptions.builder(relay.uri())
                        .code(code)
                        .chunkSize(CHUNK)
                        .compression(Compression.NONE)
                        .listener(states)
                        .build());
        senders.add(sender);
        return sender;
    }

    private CliProcess receive(String name, String code) throws Exception {
        return CliProcess.start(
                tmp,
                name,
                Map.of(CodeSource.VARIABLE, code),
                "receive",
                "--relay",
                relay.uri().toString(),
                "--yes",
                "--out",
                out.toString());
    }

    /** Kills the receiver once its partial file holds {@link #KILL_AT} bytes; returns its size after death. */
    private long killWhenPartReaches(CliProcess receiver) throws Exception {
        Path part = TestFiles.partOf(out.resolve("big.bin"));
        Await.until(
                () -> {
                    if (!receiver.isAlive()) {
                        throw new IllegalStateException("The receiver ended before it was killed: " + receiver);
                    }
                    return TestFiles.sizeOf(part) >= KILL_AT;
                },
                Duration.ofSeconds(40),
                KILL_AT + " bytes in " + part + " (" + TestFiles.listing(out) + ")");
        receiver.kill();
        long size = TestFiles.sizeOf(part);
        assertThat(size).as("part file after the kill").isBetween(KILL_AT, TestFiles.BIG_BYTES - 1);
        return size;
    }
}
