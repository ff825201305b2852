package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A byte altered between relay and receiver is caught: no file committed, INTEGRITY on both sides. */
@Timeout(120)
class IntegrityEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path tmp;

    private static TransferException failure(Transfer t) throws Exception {
        try {
            t.result().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (TransferException) e.getCause();
        }
        throw new AssertionError("the transfer succeeded");
    }

    @Test
    void aFrameCorruptedInFlightCommitsNothing() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path file = Trees.randomFile(src.resolve("photo.raw"), 4L * Peers.CHUNK, 9);
        Path out = Files.createDirectories(tmp.resolve("out"));

        try (TamperingProxy proxy = new TamperingProxy(relay.port())) {
            Transfer sender = P2pCopy.send(
                    List.of(file),
                    SendOptions.builder(relay.uri())
                            .chunkSize(Peers.CHUNK)
                            .compression(Compression.NONE)
                            .build());
            String code = sender.code().get(20, TimeUnit.SECONDS);
            Transfer receiver = P2pCopy.receive(
                    code, ReceiveOptions.builder(proxy.uri(), out).build());

            TransferException atReceiver = failure(receiver);
            TransferException atSender = failure(sender);

            assertThat(proxy.tampered()).isTrue();
            String message = "photo.raw was corrupted in transit (SHA-256 mismatch); nothing was saved under its name.";
            assertThat(atReceiver.reason()).isEqualTo(FailureReason.INTEGRITY);
            assertThat(atReceiver).hasMessage(message);
            assertThat(atSender.reason()).isEqualTo(FailureReason.INTEGRITY);
            assertThat(atSender).hasMessage(message);
            assertThat(Trees.listing(out)).isEmpty();
        }
    }
}
