package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A lost relay connection mid-transfer: both sides reconnect by themselves and finish the files. */
@Timeout(120)
class ReconnectEndToEndTest {
    private static final ReconnectPolicy QUICK = new ReconnectPolicy(
            Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5));

    @TempDir
    Path tmp;

    @Test
    void aRelayRestartMidTransferIsRiddenOut() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path file = Trees.randomFile(src.resolve("big.bin"), 48L * 1024 * 1024, 7);
        int port = freePort();
        RelayServer relay = startRelay(port);
        URI uri = relay.uri();
        Recorder sendStates = new Recorder();
        Recorder receiveStates = new Recorder();
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(uri)
                        .chunkSize(Peers.CHUNK)
                        .compression(Compression.NONE)
                        .reconnect(QUICK)
                        .listener(sendStates)
                        .build());
        String code = sender.code().get(20, TimeUnit.SECONDS);
        Transfer receiver = P2pCopy.receive(
                code,
                ReceiveOptions.builder(uri, out)
                        .reconnect(QUICK)
                        .listener(receiveStates)
                        .build());

        Await.until(
                "8 MiB verified",
                Duration.ofSeconds(60),
                () -> receiver.progress().verifiedBytes() > 8L * 1024 * 1024);
        relay.close();
        Await.until(
                "the sender reconnecting", Duration.ofSeconds(20), () -> sendStates.saw(TransferState.RECONNECTING));
        relay = startRelay(port);
        try {
            TransferResult sent = sender.result().get(60, TimeUnit.SECONDS);
            receiver.result().get(60, TimeUnit.SECONDS);

            assertThat(out.resolve("big.bin")).hasSameBinaryContentAs(file);
            assertThat(receiveStates.saw(TransferState.RECONNECTING)).isTrue();
            // What was verified before the restart is not sent again; at most the credit window in flight is.
            assertThat(sent.bytes()).isLessThan(Files.size(file) + 24L * 1024 * 1024);
            assertThat(Trees.listing(out)).containsExactly("big.bin");
        } finally {
            relay.close();
        }
    }

    @Test
    void withReconnectingOffALostRelayFailsTheTransfer() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path file = Trees.randomFile(src.resolve("big.bin"), 48L * 1024 * 1024, 8);
        RelayServer relay = startRelay(0);
        ReconnectPolicy never = ReconnectPolicy.giveUpAfter(Duration.ZERO);
        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(file),
                out,
                b -> b.reconnect(never).compression(Compression.NONE),
                b -> b.reconnect(never));
        Await.until(
                "4 MiB verified",
                Duration.ofSeconds(60),
                () -> run.receiver().progress().verifiedBytes() > 4L * 1024 * 1024);
        relay.close();

        assertThat(Peers.failure(run.sender()).reason())
                .isIn(FailureReason.RELAY_UNREACHABLE, FailureReason.PEER_FAILED);
        assertThat(Peers.failure(run.receiver()).reason())
                .isIn(FailureReason.RELAY_UNREACHABLE, FailureReason.PEER_FAILED);
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Remembers every state a transfer went through. */
    private static final class Recorder implements TransferListener {
        private final List<TransferState> states = new CopyOnWriteArrayList<>();

        @Override
        public void onStateChanged(TransferState state) {
            states.add(state);
        }

        boolean saw(TransferState state) {
            return states.contains(state);
        }
    }
}
