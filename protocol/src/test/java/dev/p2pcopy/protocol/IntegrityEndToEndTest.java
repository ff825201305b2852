package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TamperingProxy.Attack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A relay or network that alters, drops, reorders, replays or injects frames between relay and
 * receiver is caught, with encryption on and off: INTEGRITY on both sides, naming the cause, and
 * no file under its final name. And what crosses the relay does not reveal the code, the names
 * or, when encrypted, the content.
 */
@Timeout(120)
class IntegrityEndToEndTest {
    private static final String MARKER = "MARKER-5f1c-this-text-must-not-cross-the-relay-in-clear";

    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, encrypt {1}")
    @CsvSource({
        "FLIP, true, failed authentication",
        "FLIP, false, corrupted in transit (SHA-256 mismatch)",
        "DROP, true, dropped or reordered",
        "DROP, false, dropped or reordered",
        "REORDER, true, dropped or reordered",
        "REORDER, false, dropped or reordered",
        "REPLAY, true, replayed or reordered",
        "REPLAY, false, replayed or reordered",
        "INJECT, true, failed authentication",
        "INJECT, false, replayed or reordered",
    })
    void tamperingInFlightFailsBothSidesAndCommitsNothing(Attack attack, boolean encrypt, String cause)
            throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path file = Trees.randomFile(src.resolve("photo.raw"), 4L * Peers.CHUNK, 9);
        Path out = Files.createDirectories(tmp.resolve("out"));

        try (TamperingProxy proxy = new TamperingProxy(relay.port(), attack)) {
            Transfer sender = P2pCopy.send(
                    List.of(file),
                    SendOptions.builder(relay.uri())
                            .chunkSize(Peers.CHUNK)
                            .compression(Compression.NONE)
                            .encrypt(encrypt)
                            .build());
            String code = sender.code().get(20, TimeUnit.SECONDS);
            Transfer receiver = P2pCopy.receive(
                    code, ReceiveOptions.builder(proxy.uri(), out).build());

            TransferException atReceiver = Peers.failure(receiver);
            TransferException atSender = Peers.failure(sender);

            assertThat(proxy.tampered()).isTrue();
            assertThat(atReceiver.reason()).isEqualTo(FailureReason.INTEGRITY);
            assertThat(atReceiver.getMessage()).contains(cause);
            assertThat(atSender.reason()).isEqualTo(FailureReason.INTEGRITY);
            assertThat(atSender.getMessage()).isEqualTo(atReceiver.getMessage());
            assertThat(Trees.listing(out)).isEmpty();
        }
    }

    @Test
    void encryptedTrafficRevealsNeitherCodeNorNamesNorContent() throws Exception {
        String wire = transferThroughProxy(true);

        assertThat(wire).contains("HTTP/1.1 101"); // the capture saw the connection
        assertThat(wire).doesNotContain(MARKER.substring(0, 20));
        assertThat(wire).doesNotContain("secret-report");
        for (String word : List.of("4077-velvet-harbor-quiz", "velvet", "harbor", "quiz")) {
            assertThat(wire).doesNotContain(word);
        }
    }

    @Test
    void withEncryptionOffOnlyTheContentTravelsInClear() throws Exception {
        String wire = transferThroughProxy(false);

        assertThat(wire).contains(MARKER); // proves the capture would have seen it
        assertThat(wire).doesNotContain("secret-report");
        for (String word : List.of("velvet", "harbor", "quiz")) {
            assertThat(wire).doesNotContain(word);
        }
    }

    /** Sends a file holding the marker through a recording proxy; returns what crossed the receiver's hop. */
    private String transferThroughProxy(boolean encrypt) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path file = src.resolve("secret-report.txt");
        Files.writeString(file, (MARKER + "\n").repeat(2000));
        Path out = Files.createDirectories(tmp.resolve("out"));
        String code = "4077-velvet-harbor-quiz";
        try (TamperingProxy proxy = new TamperingProxy(relay.port(), Attack.NONE)) {
            Transfer sender = P2pCopy.send(
                    List.of(file),
                    SendOptions.builder(relay.uri())
                            .code(code)
                            .compression(Compression.NONE)
                            .encrypt(encrypt)
                            .build());
            sender.code().get(20, TimeUnit.SECONDS);
            Transfer receiver = P2pCopy.receive(
                    code, ReceiveOptions.builder(proxy.uri(), out).build());
            receiver.result().get(60, TimeUnit.SECONDS);
            sender.result().get(60, TimeUnit.SECONDS);
            assertThat(out.resolve("secret-report.txt")).hasSameBinaryContentAs(file);
            return new String(proxy.wire(), StandardCharsets.ISO_8859_1);
        }
    }
}
