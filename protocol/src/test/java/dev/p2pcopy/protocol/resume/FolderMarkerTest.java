package dev.p2pcopy.protocol.resume;

import static org.assertj.core.api.Assertions.assertThat;

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
class FolderMarkerTest {
    @TempDir
    Path out;

    private static ManifestEntry file(String path, long size) {
        return new ManifestEntry(path, EntryType.FILE, size, 0, -1);
    }

    private static ManifestEntry dir(String path) {
        return new ManifestEntry(path, EntryType.DIR, 0, 0, -1);
    }

    private final Manifest offer = new Manifest(List.of(
            dir("photos"), file("photos/x.jpg", 5), file("photos/y.jpg", 6), dir("docs"), file("docs/a.txt", 1)));

    private Path photos() throws Exception {
        return Files.createDirectories(out.resolve("photos"));
    }

    @Test
    void aWrittenMarkerMatchesItsOfferUntilRemoved() throws Exception {
        Path photos = photos();
        FolderMarker.write(photos, offer, "photos");

        assertThat(photos.resolve(FolderMarker.NAME)).isRegularFile();
        try (var listing = Files.list(photos)) {
            assertThat(listing).containsExactly(photos.resolve(FolderMarker.NAME)); // no temporary left
        }
        assertThat(FolderMarker.matches(photos, offer, "photos")).isTrue();

        FolderMarker.remove(photos);
        assertThat(FolderMarker.matches(photos, offer, "photos")).isFalse();
        assertThat(photos).isEmptyDirectory();
        FolderMarker.remove(photos); // nothing left to remove
    }

    @Test
    void onlyTheEntriesOfThatFolderCount() throws Exception {
        Path photos = photos();
        FolderMarker.write(photos, offer, "photos");

        Manifest otherDocs = new Manifest(List.of(
                dir("photos"), file("photos/y.jpg", 6), file("photos/x.jpg", 99), dir("docs"), file("docs/b.txt", 1)));
        assertThat(FolderMarker.matches(photos, otherDocs, "photos"))
                .as("same paths in another order and size, another folder changed")
                .isTrue();
        assertThat(FolderMarker.matches(photos, offer, "docs")).isFalse();

        Manifest similarName = new Manifest(
                List.of(dir("photos"), file("photos/x.jpg", 5), file("photos/y.jpg", 6), file("photos2/z.jpg", 1)));
        assertThat(FolderMarker.matches(photos, similarName, "photos")).isTrue();
    }

    @Test
    void anotherSetOfPathsDoesNotMatch() throws Exception {
        Path photos = photos();
        FolderMarker.write(photos, offer, "photos");

        Manifest more = new Manifest(
                List.of(dir("photos"), file("photos/x.jpg", 5), file("photos/y.jpg", 6), file("photos/z.jpg", 1)));
        Manifest fewer = new Manifest(List.of(dir("photos"), file("photos/x.jpg", 5)));
        Manifest renamed = new Manifest(List.of(dir("photos"), file("photos/x.jpg", 5), file("photos/Y.jpg", 6)));
        assertThat(FolderMarker.matches(photos, more, "photos")).isFalse();
        assertThat(FolderMarker.matches(photos, fewer, "photos")).isFalse();
        assertThat(FolderMarker.matches(photos, renamed, "photos")).isFalse();
    }

    @Test
    void aNewMarkerReplacesTheOldOne() throws Exception {
        Path photos = photos();
        Manifest older = new Manifest(List.of(dir("photos"), file("photos/old.jpg", 5)));
        FolderMarker.write(photos, older, "photos");
        FolderMarker.write(photos, offer, "photos");

        assertThat(FolderMarker.matches(photos, offer, "photos")).isTrue();
        assertThat(FolderMarker.matches(photos, older, "photos")).isFalse();
    }

    @Test
    void aMarkerThatIsNotOursDoesNotMatch() throws Exception {
        Path photos = photos();
        assertThat(FolderMarker.matches(photos, offer, "photos")).as("missing").isFalse();

        Files.writeString(photos.resolve(FolderMarker.NAME), "garbage");
        assertThat(FolderMarker.matches(photos, offer, "photos")).as("garbage").isFalse();

        Files.write(photos.resolve(FolderMarker.NAME), new byte[4096]);
        assertThat(FolderMarker.matches(photos, offer, "photos")).as("too long").isFalse();

        Files.delete(photos.resolve(FolderMarker.NAME));
        Files.createDirectory(photos.resolve(FolderMarker.NAME));
        assertThat(FolderMarker.matches(photos, offer, "photos")).as("a folder").isFalse();

        assertThat(FolderMarker.matches(out.resolve("absent"), offer, "photos"))
                .as("no folder")
                .isFalse();
    }
}
