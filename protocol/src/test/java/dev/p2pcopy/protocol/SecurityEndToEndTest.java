package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The PAKE between two real peers through a real relay. */
@Timeout(120)
class SecurityEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path tmp;

    @Test
    void aMistypedCodeFailsBothSidesBeforeAnyFileDataMoves() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path file = Trees.randomFile(src.resolve("a.bin"), 100_000, 4);
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<TransferState> senderStates = new CopyOnWriteArrayList<>();
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(relay.uri())
                        .code("5150-alpha-bravo-charlie")
                        .listener(new TransferListener() {
                            @Override
                            public void onStateChanged(TransferState state) {
                                senderStates.add(state);
                            }
                        })
                        .build());
        sender.code().get(20, TimeUnit.SECONDS);
        // Same nameplate, so the relay pairs them; one word differs, so the PAKE must fail.
        Transfer receiver = P2pCopy.receive(
                "5150-alpha-bravo-delta",
                ReceiveOptions.builder(relay.uri(), out).build());

        for (Transfer t : List.of(sender, receiver)) {
            TransferException e = Peers.failure(t);
            assertThat(e.reason()).isEqualTo(FailureReason.WRONG_CODE);
            assertThat(e.getMessage()).startsWith("The code does not match").doesNotContain("alpha");
        }
        assertThat(senderStates).contains(TransferState.HANDSHAKE).doesNotContain(TransferState.AWAITING_ACCEPT);
        assertThat(Trees.listing(out)).isEmpty();
    }

    @Test
    void theSameCodeTypedDifferentlyStillMatches() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path file = Trees.randomFile(src.resolve("a.bin"), 10_000, 5);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(relay.uri())
                        .code("5151-alpha-bravo-charlie")
                        .build());
        sender.code().get(20, TimeUnit.SECONDS);
        Transfer receiver = P2pCopy.receive(
                "  5151 Alpha BRAVO charlie ",
                ReceiveOptions.builder(relay.uri(), out).build());

        receiver.result().get(60, TimeUnit.SECONDS);
        sender.result().get(60, TimeUnit.SECONDS);
        assertThat(out.resolve("a.bin")).hasSameBinaryContentAs(file);
    }

    @Test
    void symbolicLinksAreSkippedWithAWarningUnlessFollowed() throws Exception {
        Path secret = Files.writeString(
                Files.createDirectories(tmp.resolve("elsewhere")).resolve("id_rsa"), "key");
        Path src = Files.createDirectories(tmp.resolve("src/folder"));
        Files.writeString(src.resolve("a.txt"), "a");
        Files.createSymbolicLink(src.resolve("link"), secret);

        for (boolean follow : new boolean[] {false, true}) {
            Path out = Files.createDirectories(tmp.resolve("out-" + follow));
            List<String> warnings = new CopyOnWriteArrayList<>();
            Transfer sender = P2pCopy.send(
                    List.of(src),
                    SendOptions.builder(relay.uri())
                            .followSymlinks(follow)
                            .listener(new TransferListener() {
                                @Override
                                public void onWarning(String message) {
                                    warnings.add(message);
                                }
                            })
                            .build());
            String code = sender.code().get(20, TimeUnit.SECONDS);
            P2pCopy.receive(code, ReceiveOptions.builder(relay.uri(), out).build())
                    .result()
                    .get(60, TimeUnit.SECONDS);
            sender.result().get(60, TimeUnit.SECONDS);

            if (follow) {
                assertThat(warnings).isEmpty();
                assertThat(out.resolve("folder/link")).hasContent("key");
            } else {
                assertThat(warnings)
                        .singleElement()
                        .asString()
                        .startsWith("Skipped ")
                        .contains("link");
                assertThat(Trees.listing(out)).containsExactlyInAnyOrder("folder", "folder/a.txt");
            }
        }
    }
}
