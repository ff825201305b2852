package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The receiver's name-conflict policies, end to end. */
@Timeout(120)
class ConflictEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path tmp;

    private Path out;
    private Path file;
    private Path folder;

    @BeforeEach
    void offerAndExistingFiles() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        file = Trees.randomFile(src.resolve("report.pdf"), 1000, 1);
        folder = src.resolve("photos");
        Trees.randomFile(folder.resolve("a.jpg"), 2000, 2);
        Trees.randomFile(folder.resolve("b.jpg"), 3000, 3);
        out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("report.pdf"), "mine");
        Files.createDirectories(out.resolve("photos"));
        Files.writeString(out.resolve("photos/a.jpg"), "mine too");
    }

    private Peers.Run run(ConflictPolicy policy) throws Exception {
        return Peers.start(relay.uri(), List.of(file, folder), out, b -> b, b -> b.conflictPolicy(policy));
    }

    @Test
    void renameKeepsBoth() throws Exception {
        Peers.Run run = run(ConflictPolicy.RENAME);

        TransferResult received = run.received();
        run.sent();
        assertThat(received.paths()).containsExactly(out.resolve("report (1).pdf"), out.resolve("photos (1)"));
        assertThat(out.resolve("report.pdf")).hasContent("mine");
        assertThat(Trees.sha256(out.resolve("report (1).pdf"))).isEqualTo(Trees.sha256(file));
        assertThat(Trees.sha256(out.resolve("photos (1)/b.jpg"))).isEqualTo(Trees.sha256(folder.resolve("b.jpg")));
        assertThat(out.resolve("photos/a.jpg")).hasContent("mine too");
    }

    @Test
    void overwriteReplaces() throws Exception {
        Peers.Run run = run(ConflictPolicy.OVERWRITE);

        assertThat(run.received().paths()).containsExactly(out.resolve("report.pdf"), out.resolve("photos"));
        run.sent();
        assertThat(Trees.sha256(out.resolve("report.pdf"))).isEqualTo(Trees.sha256(file));
        assertThat(Trees.sha256(out.resolve("photos/a.jpg"))).isEqualTo(Trees.sha256(folder.resolve("a.jpg")));
        assertThat(Trees.listing(out))
                .containsExactlyInAnyOrder("photos", "photos/a.jpg", "photos/b.jpg", "report.pdf");
    }

    @Test
    void skipKeepsWhatIsThereAndSendsOnlyTheRest() throws Exception {
        Peers.Run run = run(ConflictPolicy.SKIP);

        TransferResult received = run.received();
        TransferResult sent = run.sent();
        assertThat(out.resolve("report.pdf")).hasContent("mine");
        assertThat(out.resolve("photos/a.jpg")).hasContent("mine too");
        assertThat(Trees.sha256(out.resolve("photos/b.jpg"))).isEqualTo(Trees.sha256(folder.resolve("b.jpg")));
        assertThat(received.bytes()).isEqualTo(3000);
        assertThat(sent.bytes()).isEqualTo(3000);
        assertThat(run.receiver().progress().verifiedBytes()).isEqualTo(6000);
    }

    @Test
    void failRefusesBeforeAnythingIsWritten() throws Exception {
        Peers.Run run = run(ConflictPolicy.FAIL);

        for (Transfer t : List.of(run.receiver(), run.sender())) {
            try {
                t.result().get();
                throw new AssertionError("succeeded");
            } catch (ExecutionException e) {
                TransferException te = (TransferException) e.getCause();
                assertThat(te.getMessage()).isEqualTo("'report.pdf' already exists in " + out + ".");
                assertThat(te.reason())
                        .isEqualTo(t == run.receiver() ? FailureReason.LOCAL_IO : FailureReason.PEER_FAILED);
            }
        }
        assertThat(Trees.listing(out)).containsExactlyInAnyOrder("photos", "photos/a.jpg", "report.pdf");
    }
}
