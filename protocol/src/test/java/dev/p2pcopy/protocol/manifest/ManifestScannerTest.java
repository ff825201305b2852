package dev.p2pcopy.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestScannerTest {
    private static final long MTIME = 1_600_000_000_123L;

    @TempDir
    Path tmp;

    @Test
    void singleFileIsOfferedUnderItsOwnName() throws IOException {
        Path file = write(tmp.resolve("x/a.txt"), "hello");
        Files.setLastModifiedTime(file, FileTime.fromMillis(MTIME));

        ScannedManifest scanned = scan(file);

        assertThat(scanned.manifest().entries())
                .containsExactly(new ManifestEntry("a.txt", EntryType.FILE, 5, MTIME, mode(file)));
        assertThat(scanned.sources()).containsExactly(file);
        assertThat(skippedPaths(scanned)).isEmpty();
    }

    @Test
    void permissionsBecomePosixModeBits() throws IOException {
        assumeTrue(posix());
        Path file = write(tmp.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x--x"));
        Path secret = write(tmp.resolve("secret.txt"), "s");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path all = write(tmp.resolve("all.txt"), "a");
        Files.setPosixFilePermissions(all, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path none = write(tmp.resolve("none.txt"), "n");
        Files.setPosixFilePermissions(none, PosixFilePermissions.fromString("---------"));

        List<ManifestEntry> entries = scan(file, secret, all, none).manifest().entries();

        assertThat(entries).extracting(ManifestEntry::mode).containsExactly(0751, 0600, 0777, 0);
    }

    @Test
    void emptyFileHasSizeZero() throws IOException {
        Path file = write(tmp.resolve("empty.bin"), "");

        ScannedManifest scanned = scan(file);

        assertThat(scanned.manifest().entries()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("empty.bin");
            assertThat(e.type()).isEqualTo(EntryType.FILE);
            assertThat(e.size()).isZero();
        });
        assertThat(scanned.manifest().totalBytes()).isZero();
        assertThat(scanned.manifest().fileCount()).isEqualTo(1);
    }

    @Test
    void foldersAreListedRecursivelyDirectoriesFirstSortedWithEmptyOnes() throws IOException {
        Path photos = tmp.resolve("x/photos");
        write(photos.resolve("z.txt"), "zz");
        write(photos.resolve("2024/b.jpg"), "bbb");
        write(photos.resolve("2024/a.jpg"), "a");
        write(photos.resolve("A.txt"), "AAAA");
        Files.createDirectories(photos.resolve("empty"));
        Files.createDirectories(photos.resolve("2024/deeper/deepest"));
        Files.setLastModifiedTime(photos.resolve("empty"), FileTime.fromMillis(MTIME));

        ScannedManifest scanned = scan(photos);

        List<ManifestEntry> entries = scanned.manifest().entries();
        assertThat(entries)
                .extracting(ManifestEntry::path)
                .containsExactly(
                        "photos",
                        "photos/2024",
                        "photos/2024/a.jpg",
                        "photos/2024/b.jpg",
                        "photos/2024/deeper",
                        "photos/2024/deeper/deepest",
                        "photos/A.txt",
                        "photos/empty",
                        "photos/z.txt");
        assertThat(entries)
                .extracting(ManifestEntry::type)
                .containsExactly(
                        EntryType.DIR,
                        EntryType.DIR,
                        EntryType.FILE,
                        EntryType.FILE,
                        EntryType.DIR,
                        EntryType.DIR,
                        EntryType.FILE,
                        EntryType.DIR,
                        EntryType.FILE);
        assertThat(entries).extracting(ManifestEntry::size).containsExactly(0L, 0L, 1L, 3L, 0L, 0L, 4L, 0L, 2L);
        assertThat(entries.get(7).mtimeMillis()).isEqualTo(MTIME);
        assertThat(scanned.sources())
                .containsExactly(
                        null,
                        null,
                        photos.resolve("2024/a.jpg"),
                        photos.resolve("2024/b.jpg"),
                        null,
                        null,
                        photos.resolve("A.txt"),
                        null,
                        photos.resolve("z.txt"));
        assertThat(scanned.manifest().totalBytes()).isEqualTo(10);
        assertThat(scanned.manifest().fileCount()).isEqualTo(4);
        assertThat(scanned.manifest().topLevelNames()).containsExactly("photos");
        if (posix()) {
            assertThat(entries.get(0).mode()).isEqualTo(mode(photos));
        }
    }

    @Test
    void rootsKeepTheirGivenOrder() throws IOException {
        Path b = write(tmp.resolve("b.txt"), "b");
        Path dir = tmp.resolve("dir");
        write(dir.resolve("inner.txt"), "i");
        Path a = write(tmp.resolve("a.txt"), "a");

        ScannedManifest scanned = scan(b, dir, a);

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path)
                .containsExactly("b.txt", "dir", "dir/inner.txt", "a.txt");
        assertThat(scanned.manifest().topLevelNames()).containsExactly("b.txt", "dir", "a.txt");
    }

    @Test
    void sameTreeGivesTheSameManifest() throws IOException {
        Path dir = tmp.resolve("d");
        for (String name : List.of("m", "c", "x", "a", "k")) {
            write(dir.resolve(name + "/" + name + ".txt"), name);
        }
        assertThat(scan(dir)).isEqualTo(scan(dir));
    }

    @Test
    void symbolicLinksAreSkippedAndReported() throws IOException {
        Path dir = tmp.resolve("dir");
        Path real = write(dir.resolve("real.txt"), "real");
        Path outside = write(tmp.resolve("outside/secret.txt"), "secret");
        Path fileLink = Files.createSymbolicLink(dir.resolve("file-link"), real);
        Path dirLink = Files.createSymbolicLink(dir.resolve("dir-link"), outside.getParent());
        Path broken = Files.createSymbolicLink(dir.resolve("broken-link"), tmp.resolve("nowhere"));
        Path rootLink = Files.createSymbolicLink(tmp.resolve("root-link"), real);

        ScannedManifest scanned = scan(dir, rootLink);

        assertThat(scanned.manifest().entries()).extracting(ManifestEntry::path).containsExactly("dir", "dir/real.txt");
        assertThat(scanned.sources()).containsExactly(null, real);
        assertThat(skippedPaths(scanned)).containsExactly(broken, dirLink, fileLink, rootLink);
        assertThat(scanned.skipped()).extracting(SkippedEntry::reason).containsOnly("it is a symbolic link");
        assertThat(ManifestScanner.scan(List.of(dir, rootLink), false)).isEqualTo(scanned);
    }

    @Test
    void followedLinksAreOfferedUnderTheirOwnNameWithTheTargetsContent() throws IOException {
        Path dir = tmp.resolve("dir");
        Path real = write(dir.resolve("real.txt"), "real");
        Path outside = tmp.resolve("outside");
        Path secret = write(outside.resolve("sub/secret.txt"), "secret!");
        Files.setLastModifiedTime(secret, FileTime.fromMillis(MTIME));
        Files.createSymbolicLink(dir.resolve("file-link"), real);
        Files.createSymbolicLink(dir.resolve("dir-link"), outside);
        Path rootLink = Files.createSymbolicLink(tmp.resolve("root-link"), secret);

        ScannedManifest scanned = scanFollowing(dir, rootLink);

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path, ManifestEntry::type, ManifestEntry::size)
                .containsExactly(
                        tuple("dir", EntryType.DIR, 0L),
                        tuple("dir/dir-link", EntryType.DIR, 0L),
                        tuple("dir/dir-link/sub", EntryType.DIR, 0L),
                        tuple("dir/dir-link/sub/secret.txt", EntryType.FILE, 7L),
                        tuple("dir/file-link", EntryType.FILE, 4L),
                        tuple("dir/real.txt", EntryType.FILE, 4L),
                        tuple("root-link", EntryType.FILE, 7L));
        assertThat(scanned.manifest().entries().get(6).mtimeMillis()).isEqualTo(MTIME);
        assertThat(scanned.sources())
                .containsExactly(
                        null,
                        null,
                        null,
                        dir.resolve("dir-link/sub/secret.txt"),
                        dir.resolve("file-link"),
                        real,
                        rootLink);
        assertThat(Files.readString(scanned.sources().get(3))).isEqualTo("secret!");
        assertThat(scanned.skipped()).isEmpty();
    }

    @Test
    void followedLinksBackIntoAnAncestorAreSkippedSoThatTheScanEnds() throws IOException {
        Path dir = tmp.resolve("dir");
        write(dir.resolve("a/file.txt"), "f");
        Path toRoot = Files.createSymbolicLink(dir.resolve("a/to-root"), dir);
        Path toSelf = Files.createSymbolicLink(dir.resolve("a/to-self"), Path.of("."));
        Path relativeUp = Files.createSymbolicLink(dir.resolve("a/up"), Path.of(".."));
        // Two folders linking to each other: the cycle closes one level down.
        Path x = Files.createDirectories(tmp.resolve("x"));
        Path y = Files.createDirectories(tmp.resolve("y"));
        Files.createSymbolicLink(dir.resolve("to-x"), x);
        Files.createSymbolicLink(x.resolve("to-y"), y);
        Path yBack = Files.createSymbolicLink(y.resolve("to-x"), x);

        ScannedManifest scanned = scanFollowing(dir);

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path)
                .containsExactly("dir", "dir/a", "dir/a/file.txt", "dir/to-x", "dir/to-x/to-y");
        String cycle = "it leads back into a folder that contains it (a cycle of symbolic links)";
        assertThat(scanned.skipped())
                .containsExactly(
                        new SkippedEntry(toRoot, cycle),
                        new SkippedEntry(toSelf, cycle),
                        new SkippedEntry(relativeUp, cycle),
                        new SkippedEntry(dir.resolve("to-x/to-y").resolve(yBack.getFileName()), cycle));
    }

    @Test
    void aLinkOutOfTheRootIsFollowedOnceAndTheWayBackIsCut() throws IOException {
        Path top = tmp.resolve("top");
        Path dir = top.resolve("dir");
        write(top.resolve("beside.txt"), "b");
        Files.createDirectories(dir);
        Path up = Files.createSymbolicLink(dir.resolve("parent"), top);

        ScannedManifest scanned = scanFollowing(dir);

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path)
                .containsExactly("dir", "dir/parent", "dir/parent/beside.txt");
        assertThat(skippedPaths(scanned)).containsExactly(up.resolve("dir"));
    }

    @Test
    void brokenAndLoopingLinksAreSkippedWhenFollowing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Path broken = Files.createSymbolicLink(dir.resolve("broken"), tmp.resolve("nowhere"));
        Path loopA = dir.resolve("loop-a");
        Path loopB = Files.createSymbolicLink(dir.resolve("loop-b"), loopA);
        Files.createSymbolicLink(loopA, loopB);
        Path brokenRoot = Files.createSymbolicLink(tmp.resolve("broken-root"), tmp.resolve("gone"));

        ScannedManifest scanned = scanFollowing(dir, brokenRoot);

        assertThat(scanned.manifest().entries()).extracting(ManifestEntry::path).containsExactly("dir");
        assertThat(scanned.skipped())
                .containsExactly(
                        new SkippedEntry(broken, "it is a broken symbolic link"),
                        new SkippedEntry(loopA, "it is a broken symbolic link"),
                        new SkippedEntry(loopB, "it is a broken symbolic link"),
                        new SkippedEntry(brokenRoot, "it is a broken symbolic link"));
    }

    @Test
    void aFolderLinkedTwiceIsOfferedTwice() throws IOException {
        Path shared = tmp.resolve("shared");
        write(shared.resolve("s.txt"), "s");
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Files.createSymbolicLink(dir.resolve("one"), shared);
        Files.createSymbolicLink(dir.resolve("two"), shared);

        ScannedManifest scanned = scanFollowing(dir);

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path)
                .containsExactly("dir", "dir/one", "dir/one/s.txt", "dir/two", "dir/two/s.txt");
    }

    @Test
    void namesThatDifferOnlyByCaseAreRefusedBeforeSending() throws IOException {
        Path dir = tmp.resolve("dir");
        write(dir.resolve("README"), "1");
        write(dir.resolve("ReadMe"), "2");
        assumeTrue(Files.readString(dir.resolve("README")).equals("1"), "the file system ignores case");

        assertThatThrownBy(() -> ManifestScanner.scan(List.of(dir)))
                .isInstanceOf(UnsafePathException.class)
                .hasMessage("The path \"dir/ReadMe\" is not safe: it names the same file as \"dir/README\""
                        + " where letter case or Unicode normalisation is ignored.");
    }

    @Test
    void treesDeeperThanAnyReceiverAcceptsAreRefused() throws IOException {
        Path dir = tmp.resolve("d");
        Files.createDirectories(dir.resolve("d/".repeat(SafePaths.MAX_DEPTH - 1)));
        assertThat(ManifestScanner.scan(List.of(dir)).manifest().entries()).hasSize(SafePaths.MAX_DEPTH);

        Files.createDirectories(dir.resolve("d/".repeat(SafePaths.MAX_DEPTH)));
        assertThatThrownBy(() -> ManifestScanner.scan(List.of(dir)))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageEndingWith("is not safe: it is more than 64 levels deep.");
    }

    @Test
    void specialFilesAreSkippedAndReported() throws IOException {
        Path dir = tmp.resolve("dir");
        write(dir.resolve("a.txt"), "a");
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            ScannedManifest scanned = scan(dir);

            assertThat(scanned.manifest().entries())
                    .extracting(ManifestEntry::path)
                    .containsExactly("dir", "dir/a.txt");
            assertThat(skippedPaths(scanned)).containsExactly(socket);
            assertThat(scanned.skipped())
                    .containsExactly(new SkippedEntry(socket, "it is not a regular file or folder"));
        }
    }

    @Test
    void twoRootsWithTheSameNameAreRefused() throws IOException {
        Path first = write(tmp.resolve("a/x.txt"), "1");
        Path second = write(tmp.resolve("b/x.txt"), "2");

        assertThatThrownBy(() -> ManifestScanner.scan(List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot send both " + first + " and " + second + " because they have the same name x.txt.");
    }

    @Test
    void missingRootIsReportedInOneSentence() {
        Path missing = tmp.resolve("nope.txt");

        assertThatThrownBy(() -> ManifestScanner.scan(List.of(missing)))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo(missing.toString()))
                .hasMessage("Cannot send " + missing + " because it does not exist.");
    }

    @Test
    void aFileSystemRootHasNoNameToSendUnder() {
        Path root = tmp.getRoot();

        assertThatThrownBy(() -> ManifestScanner.scan(List.of(root)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot send " + root + " because it has no name of its own.");
    }

    @Test
    void rootNameIsTakenFromTheNormalisedPath() throws IOException {
        Path dir = tmp.resolve("photos");
        write(dir.resolve("a.jpg"), "a");

        ScannedManifest scanned = scan(dir.resolve("."));

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path)
                .containsExactly("photos", "photos/a.jpg");
    }

    @Test
    void namesThatAreNotPortableAreRefused() throws IOException {
        Path dir = tmp.resolve("dir");
        write(dir.resolve("ok.txt"), "ok");
        write(dir.resolve("con.txt"), "device name on Windows");

        assertThatThrownBy(() -> ManifestScanner.scan(List.of(dir)))
                .isInstanceOf(UnsafePathException.class)
                .hasMessage("The path \"dir/con.txt\" is not safe: 'con' is a reserved device name on Windows.");

        Path colon = write(tmp.resolve("a:b.txt"), "colon");
        assertThatThrownBy(() -> ManifestScanner.scan(List.of(colon)))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("\"a:b.txt\"");
    }

    @Test
    void fileSystemsWithoutPosixPermissionsGiveModeMinusOne() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(tmp.resolve("t.zip"), Map.of("create", "true"))) {
            assumeTrue(!zip.supportedFileAttributeViews().contains("posix"));
            Path data = zip.getPath("/data");
            write(data.resolve("a.txt"), "abc");

            ScannedManifest scanned = scan(data);

            assertThat(scanned.manifest().entries())
                    .extracting(ManifestEntry::path, ManifestEntry::size, ManifestEntry::mode)
                    .containsExactly(tuple("data", 0L, -1), tuple("data/a.txt", 3L, -1));
        }
    }

    @Test
    void noRootsGiveAnEmptyManifest() throws IOException {
        ScannedManifest scanned = ManifestScanner.scan(List.of());
        assertThat(scanned.manifest().entries()).isEmpty();
        assertThat(scanned.sources()).isEmpty();
    }

    @Test
    void scannedManifestNeedsOneSourcePerEntryAndIsImmutable() {
        Manifest manifest = new Manifest(List.of(new ManifestEntry("d", EntryType.DIR, 0, 0, -1)));
        assertThatThrownBy(() -> new ScannedManifest(manifest, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There must be one source per manifest entry.");

        List<Path> sources = new ArrayList<>();
        sources.add(null);
        List<SkippedEntry> skipped = new ArrayList<>(List.of(new SkippedEntry(tmp, "why")));
        ScannedManifest scanned = new ScannedManifest(manifest, sources, skipped);
        sources.add(tmp);
        skipped.clear();
        assertThat(scanned.sources()).containsExactly((Path) null);
        assertThat(skippedPaths(scanned)).containsExactly(tmp);
        assertThatThrownBy(() -> scanned.sources().add(tmp)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> scanned.skipped().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theStateOfAnUnfinishedDownloadIsLeftOutWithAWarning() throws IOException {
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        Files.writeString(downloads.resolve("done.txt"), "done");
        Files.writeString(downloads.resolve(".big.bin.p2p-copy-part"), "partial");
        Files.writeString(downloads.resolve(".big.bin.p2p-copy-part.p2p-copy-journal"), "journal");
        Path folder = Files.createDirectories(downloads.resolve("photos"));
        Files.writeString(folder.resolve(".p2p-copy-incomplete"), "marker");

        ScannedManifest scanned = scan(downloads);

        assertThat(scanned.manifest().entries())
                .extracting(ManifestEntry::path)
                .containsExactly("downloads", "downloads/done.txt", "downloads/photos");
        assertThat(scanned.skipped())
                .extracting(SkippedEntry::reason)
                .containsOnly("it is the partial state of an unfinished p2p-copy download")
                .hasSize(3);
    }

    private ScannedManifest scan(Path... roots) throws IOException {
        return checked(ManifestScanner.scan(List.of(roots)));
    }

    private ScannedManifest scanFollowing(Path... roots) throws IOException {
        return checked(ManifestScanner.scan(List.of(roots), true));
    }

    /** Checks what every scan must give: safe, collision-free paths, sources in step. */
    private static ScannedManifest checked(ScannedManifest scanned) {
        List<ManifestEntry> entries = scanned.manifest().entries();
        assertThat(scanned.sources()).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            ManifestEntry e = entries.get(i);
            assertThat(SafePaths.check(e.path())).isEqualTo(e.path());
            assertThat(scanned.sources().get(i) == null).isEqualTo(e.type() == EntryType.DIR);
        }
        SafePaths.checkNoCaseCollisions(
                entries.stream().map(ManifestEntry::path).toList());
        return scanned;
    }

    private static List<Path> skippedPaths(ScannedManifest scanned) {
        return scanned.skipped().stream().map(SkippedEntry::path).toList();
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private boolean posix() {
        return tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private int mode(Path file) throws IOException {
        if (!posix()) {
            return -1;
        }
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        return Integer.parseInt(perms.replaceAll("[rwx]", "1").replace('-', '0'), 2);
    }
}
