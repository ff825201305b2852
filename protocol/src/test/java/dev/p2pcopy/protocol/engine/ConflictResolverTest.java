package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ConflictResolverTest {
    @TempDir
    Path out;

    private static ManifestEntry file(String path, long size) {
        return new ManifestEntry(path, EntryType.FILE, size, 0, -1);
    }

    private static ManifestEntry dir(String path) {
        return new ManifestEntry(path, EntryType.DIR, 0, 0, -1);
    }

    private final Manifest offer =
            new Manifest(List.of(file("a.txt", 3), dir("photos"), file("photos/x.jpg", 5), file("photos/y.jpg", 6)));

    @Test
    void withoutConflictsEverythingLandsUnderItsOwnName() {
        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.FAIL);
        assertThat(plan.targets())
                .containsExactly(
                        out.resolve("a.txt"),
                        out.resolve("photos"),
                        out.resolve("photos/x.jpg"),
                        out.resolve("photos/y.jpg"));
        assertThat(plan.skipped()).containsOnly(false);
        assertThat(plan.topLevel()).containsExactly(out.resolve("a.txt"), out.resolve("photos"));
    }

    @Test
    void renameNumbersTakenTopLevelNamesBeforeTheExtension() throws Exception {
        Files.writeString(out.resolve("a.txt"), "old");
        Files.writeString(out.resolve("a (1).txt"), "old");
        Files.createDirectory(out.resolve("photos"));

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.RENAME);

        assertThat(plan.targets())
                .containsExactly(
                        out.resolve("a (2).txt"),
                        out.resolve("photos (1)"),
                        out.resolve("photos (1)/x.jpg"),
                        out.resolve("photos (1)/y.jpg"));
        assertThat(plan.topLevel()).containsExactly(out.resolve("a (2).txt"), out.resolve("photos (1)"));
    }

    @Test
    void renameKeepsAFileThatIsAlreadyHereUnchangedInsteadOfCopyingItAgain() throws Exception {
        Files.writeString(out.resolve("a.txt"), "old"); // same size and time as offered: received before
        Files.setLastModifiedTime(out.resolve("a.txt"), java.nio.file.attribute.FileTime.fromMillis(0));

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.RENAME);

        assertThat(plan.targets().get(0)).isEqualTo(out.resolve("a.txt"));
        assertThat(plan.skipped()).containsExactly(true, false, false, false);

        Files.writeString(out.resolve("a.txt"), "new"); // same size, another time: a different file
        assertThat(ConflictResolver.plan(out, offer, ConflictPolicy.RENAME)
                        .targets()
                        .get(0))
                .isEqualTo(out.resolve("a (1).txt"));
    }

    @Test
    void renameGivesFoldersAndDotFilesNoExtensionAndAvoidsNamesInTheOffer() throws Exception {
        Files.createDirectory(out.resolve("v1.0"));
        Files.writeString(out.resolve(".profile"), "old");
        Manifest m = new Manifest(List.of(dir("v1.0"), file("v1.0 (1)", 1), file(".profile", 1)));

        ConflictResolver.Plan plan = ConflictResolver.plan(out, m, ConflictPolicy.RENAME);

        assertThat(plan.targets())
                .containsExactly(out.resolve("v1.0 (2)"), out.resolve("v1.0 (1)"), out.resolve(".profile (1)"));
    }

    @Test
    void skipKeepsExistingFilesAndMergesFolders() throws Exception {
        Files.createDirectory(out.resolve("photos"));
        Files.writeString(out.resolve("photos/x.jpg"), "mine");

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.SKIP);

        assertThat(plan.skipped()).containsExactly(false, false, true, false);
        assertThat(plan.targets().get(2)).isEqualTo(out.resolve("photos/x.jpg"));
    }

    @Test
    void overwriteKeepsNames() throws Exception {
        Files.writeString(out.resolve("a.txt"), "old");
        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.OVERWRITE);
        assertThat(plan.targets().get(0)).isEqualTo(out.resolve("a.txt"));
        assertThat(plan.skipped()).containsOnly(false);
    }

    @Test
    void failRefusesATakenName() throws Exception {
        Files.createDirectory(out.resolve("photos"));
        assertThatThrownBy(() -> ConflictResolver.plan(out, offer, ConflictPolicy.FAIL))
                .isInstanceOf(TransferException.class)
                .hasMessage("'photos' already exists in " + out + ".")
                .extracting(e -> ((TransferException) e).reason())
                .isEqualTo(FailureReason.LOCAL_IO);
    }

    @Test
    void aFileWhereAFolderIsNeededIsRefusedUpFront() throws Exception {
        Files.writeString(out.resolve("photos"), "a file");
        assertThatThrownBy(() -> ConflictResolver.plan(out, offer, ConflictPolicy.OVERWRITE))
                .hasMessageContaining("a file of that name exists");
        Files.delete(out.resolve("photos"));
        Files.createDirectories(out.resolve("a.txt"));
        assertThatThrownBy(() -> ConflictResolver.plan(out, offer, ConflictPolicy.SKIP))
                .hasMessageContaining("a folder of that name exists");
    }
}
