package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.resume.FolderMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Continuing in a top-level folder that an interrupted transfer of the same offer left behind. */
@Timeout(10)
class ConflictResolverResumeTest {
    private static final long MTIME = 1_600_000_000_000L;

    @TempDir
    Path out;

    private static ManifestEntry file(String path, long size) {
        return new ManifestEntry(path, EntryType.FILE, size, MTIME, -1);
    }

    private static ManifestEntry dir(String path) {
        return new ManifestEntry(path, EntryType.DIR, 0, MTIME, -1);
    }

    private final Manifest offer = new Manifest(List.of(
            file("a.txt", 3), dir("photos"), file("photos/x.jpg", 5), file("photos/y.jpg", 6), dir("photos/sub")));

    /** photos/ as an interrupted transfer leaves it: x.jpg committed, y.jpg not yet. */
    private Path interruptedFolder(String name) throws Exception {
        Path photos = Files.createDirectories(out.resolve(name));
        FolderMarker.write(photos, offer, "photos");
        Path x = Files.write(photos.resolve("x.jpg"), new byte[5]);
        Files.setLastModifiedTime(x, FileTime.fromMillis(MTIME));
        return photos;
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aMarkedFolderIsContinuedUnderEveryPolicy(ConflictPolicy policy) throws Exception {
        Path photos = interruptedFolder("photos");
        Path y = Files.write(photos.resolve("y.jpg"), new byte[2]); // an older version, or the source changed
        Files.setLastModifiedTime(y, FileTime.fromMillis(MTIME));

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, policy);

        assertThat(plan.targets())
                .containsExactly(
                        out.resolve("a.txt"),
                        photos,
                        photos.resolve("x.jpg"),
                        photos.resolve("y.jpg"),
                        photos.resolve("sub"));
        assertThat(plan.skipped()).containsExactly(false, false, true, false, false);
        assertThat(plan.topLevel()).containsExactly(out.resolve("a.txt"), photos);
        assertThat(plan.resumedFolders()).containsExactly(photos);
    }

    @Test
    void aFileWithAnotherTimeIsReceivedAgain() throws Exception {
        Path photos = interruptedFolder("photos");
        Files.setLastModifiedTime(photos.resolve("x.jpg"), FileTime.fromMillis(MTIME + 1000));

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.RENAME);

        assertThat(plan.skipped()).containsOnly(false);
        assertThat(plan.resumedFolders()).containsExactly(photos);
    }

    @Test
    void withoutAMarkerNothingChanges() throws Exception {
        Path photos = Files.createDirectories(out.resolve("photos"));
        Files.write(photos.resolve("x.jpg"), new byte[5]);
        Files.setLastModifiedTime(photos.resolve("x.jpg"), FileTime.fromMillis(MTIME));

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.RENAME);
        assertThat(plan.topLevel()).containsExactly(out.resolve("a.txt"), out.resolve("photos (1)"));
        assertThat(plan.skipped()).containsOnly(false);
        assertThat(plan.resumedFolders()).isEmpty();

        assertThatThrownBy(() -> ConflictResolver.plan(out, offer, ConflictPolicy.FAIL))
                .isInstanceOf(TransferException.class)
                .hasMessageContaining("'photos' already exists");
    }

    @Test
    void theMarkerOfAnotherOfferIsAConflict() throws Exception {
        Path photos = Files.createDirectories(out.resolve("photos"));
        FolderMarker.write(photos, new Manifest(List.of(dir("photos"), file("photos/z.jpg", 1))), "photos");

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.RENAME);

        assertThat(plan.topLevel()).containsExactly(out.resolve("a.txt"), out.resolve("photos (1)"));
        assertThat(plan.resumedFolders()).isEmpty();
    }

    @Test
    void aFolderRenamedOnTheFirstRunIsFoundAgain() throws Exception {
        Files.createDirectories(out.resolve("photos")); // the person's own folder
        Files.createDirectories(out.resolve("photos (1)")); // another one, no marker
        Path renamed = interruptedFolder("photos (2)");

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.RENAME);

        assertThat(plan.targets().get(2)).isEqualTo(renamed.resolve("x.jpg"));
        assertThat(plan.skipped()).containsExactly(false, false, true, false, false);
        assertThat(plan.topLevel()).containsExactly(out.resolve("a.txt"), renamed);
        assertThat(plan.resumedFolders()).containsExactly(renamed);
    }

    @Test
    void renamedFoldersAreOnlyLookedForUnderRename() throws Exception {
        Files.createDirectories(out.resolve("photos"));
        interruptedFolder("photos (1)");

        ConflictResolver.Plan plan = ConflictResolver.plan(out, offer, ConflictPolicy.OVERWRITE);

        assertThat(plan.topLevel()).containsExactly(out.resolve("a.txt"), out.resolve("photos"));
        assertThat(plan.resumedFolders()).isEmpty();
    }

    @Test
    void theSearchSkipsNamesOfTheOfferAndStopsAtTheFirstFreeName() throws Exception {
        Manifest withNumbered = new Manifest(List.of(dir("v1"), file("v1/a", 1), dir("v1 (1)")));
        Files.createDirectories(out.resolve("v1"));
        Path numbered = Files.createDirectories(out.resolve("v1 (1)"));
        FolderMarker.write(numbered, withNumbered, "v1"); // would match, but that name is the offer's own
        Path renamed = Files.createDirectories(out.resolve("v1 (2)"));
        FolderMarker.write(renamed, withNumbered, "v1");
        Path beyondAGap = Files.createDirectories(out.resolve("v1 (4)"));
        FolderMarker.write(beyondAGap, withNumbered, "v1");

        ConflictResolver.Plan plan = ConflictResolver.plan(out, withNumbered, ConflictPolicy.RENAME);
        assertThat(plan.resumedFolders()).containsExactly(renamed);
        assertThat(plan.topLevel()).containsExactly(renamed, out.resolve("v1 (1) (1)"));

        Files.delete(renamed.resolve(FolderMarker.NAME));
        Files.delete(renamed);
        plan = ConflictResolver.plan(out, withNumbered, ConflictPolicy.RENAME);
        assertThat(plan.resumedFolders()).isEmpty();
        assertThat(plan.topLevel()).containsExactly(out.resolve("v1 (2)"), out.resolve("v1 (1) (1)"));
    }

    @Test
    void aTopLevelFileIsNeverResumedIntoAFolder() throws Exception {
        Manifest single = new Manifest(List.of(file("photos", 4)));
        Path photos = Files.createDirectories(out.resolve("photos"));
        FolderMarker.write(photos, single, "photos");

        ConflictResolver.Plan plan = ConflictResolver.plan(out, single, ConflictPolicy.RENAME);

        assertThat(plan.targets()).containsExactly(out.resolve("photos (1)"));
        assertThat(plan.resumedFolders()).isEmpty();
    }

    @Test
    void aFileWhereTheOfferHasAFolderIsStillRefused() throws Exception {
        Path photos = interruptedFolder("photos");
        Files.writeString(photos.resolve("sub"), "a file");

        assertThatThrownBy(() -> ConflictResolver.plan(out, offer, ConflictPolicy.RENAME))
                .hasMessageContaining("a file of that name exists");
    }
}
