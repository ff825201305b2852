package dev.p2pcopy.protocol.manifest;

import dev.p2pcopy.protocol.resume.ReservedNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the files and folders a sender picked into a {@link Manifest}.
 *
 * <p>Each root is offered under its own name: a file {@code /x/a.txt} becomes {@code a.txt}; a
 * folder {@code /x/photos} becomes the directory entry {@code photos} followed by everything
 * inside it ({@code photos/2024/img.jpg}, ...), recursively. A directory comes before its
 * contents, siblings are sorted by name so that the same tree always gives the same manifest,
 * and empty directories are included.
 *
 * <p>Symbolic links are not followed by default; they (and special files such as sockets) are
 * left out and reported in {@link ScannedManifest#skipped()}. When following, a link is offered
 * under its own name with the content of what it points to, file or folder; a link that leads
 * back into a folder that contains it is skipped, so that a cycle cannot make the scan endless.
 */
public final class ManifestScanner {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};

    private final boolean followLinks;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private final List<Path> sources = new ArrayList<>();
    private final List<SkippedEntry> skipped = new ArrayList<>();
    /** Real paths of the folders being scanned, root to current: a followed link into one is a cycle. */
    private final Set<Path> ancestors = new HashSet<>();

    private ManifestScanner(boolean followLinks) {
        this.followLinks = followLinks;
    }

    /**
     * Scans {@code roots} in the given order without following symbolic links.
     *
     * @see #scan(List, boolean)
     */
    public static ScannedManifest scan(List<Path> roots) throws IOException {
        return scan(roots, false);
    }

    /**
     * Scans {@code roots} in the given order.
     *
     * @param followSymlinks whether a symbolic link is offered with the content it points to
     *     (true) or skipped (false)
     * @throws NoSuchFileException if a root does not exist (the message names it)
     * @throws IllegalArgumentException if two roots have the same name, a root has no name (a
     *     file-system root such as {@code /}), or there are more than {@value
     *     Manifest#MAX_ENTRIES} entries
     * @throws UnsafePathException if a name could not be created safely on every receiver (see
     *     {@link SafePaths#check}), e.g. one that contains {@code :} or a backslash, or two names
     *     differ only by letter case (see {@link SafePaths#checkNoCaseCollisions})
     * @throws IOException if a file or folder cannot be read
     */
    public static ScannedManifest scan(List<Path> roots, boolean followSymlinks) throws IOException {
        ManifestScanner scanner = new ManifestScanner(followSymlinks);
        Map<String, Path> names = new HashMap<>();
        for (Path root : roots) {
            if (Files.notExists(root, NO_FOLLOW)) {
                throw new MissingRootException(root);
            }
            Path name = root.toAbsolutePath().normalize().getFileName();
            if (name == null) {
                throw new IllegalArgumentException("Cannot send " + root + " because it has no name of its own.");
            }
            Path earlier = names.putIfAbsent(name.toString(), root);
            if (earlier != null) {
                throw new IllegalArgumentException("Cannot send both " + earlier + " and " + root
                        + " because they have the same name " + name + ".");
            }
            scanner.add(root, name.toString());
        }
        SafePaths.checkNoCaseCollisions(
                scanner.entries.stream().map(ManifestEntry::path).toList());
        return new ScannedManifest(new Manifest(scanner.entries), scanner.sources, scanner.skipped);
    }

    private void add(Path file, String path) throws IOException {
        if (ReservedNames.isReserved(path.substring(path.lastIndexOf('/') + 1))) {
            skipped.add(new SkippedEntry(file, "it is the partial state of an unfinished p2p-copy download"));
            return;
        }
        BasicFileAttributes attrs = attributes(file, NO_FOLLOW);
        if (attrs.isSymbolicLink()) {
            if (!followLinks) {
                skipped.add(new SkippedEntry(file, "it is a symbolic link"));
                return;
            }
            if (!Files.exists(file)) { // also a chain of links that loops
                skipped.add(new SkippedEntry(file, "it is a broken symbolic link"));
                return;
            }
            attrs = attributes(file, FOLLOW);
        }
        if (attrs.isDirectory()) {
            addDirectory(file, path, attrs);
        } else if (attrs.isRegularFile()) {
            entries.add(entry(path, EntryType.FILE, attrs.size(), attrs));
            sources.add(file);
        } else {
            skipped.add(new SkippedEntry(file, "it is not a regular file or folder"));
        }
    }

    private void addDirectory(Path dir, String path, BasicFileAttributes attrs) throws IOException {
        // Without following, the tree is a tree: no need to pay for a real path per folder.
        Path real = followLinks ? dir.toRealPath() : null;
        if (real != null && !ancestors.add(real)) {
            skipped.add(
                    new SkippedEntry(dir, "it leads back into a folder that contains it (a cycle of symbolic links)"));
            return;
        }
        entries.add(entry(path, EntryType.DIR, 0, attrs));
        sources.add(null);
        for (Path child : children(dir)) {
            add(child, path + "/" + child.getFileName());
        }
        if (real != null) {
            ancestors.remove(real);
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return children;
    }

    /** POSIX attributes where the file system has them (they carry the mode), basic ones otherwise. */
    private static BasicFileAttributes attributes(Path file, LinkOption[] links) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.readAttributes(file, PosixFileAttributes.class, links);
        }
        return Files.readAttributes(file, BasicFileAttributes.class, links);
    }

    private ManifestEntry entry(String path, EntryType type, long size, BasicFileAttributes attrs) {
        if (entries.size() >= Manifest.MAX_ENTRIES) {
            throw new IllegalArgumentException(
                    "Cannot send more than " + Manifest.MAX_ENTRIES + " files and folders at once.");
        }
        SafePaths.check(path);
        return new ManifestEntry(path, type, size, attrs.lastModifiedTime().toMillis(), mode(attrs));
    }

    /** POSIX permission bits (e.g. 0644), or -1 where the file system has none. */
    static int mode(BasicFileAttributes attrs) {
        if (!(attrs instanceof PosixFileAttributes posix)) {
            return -1;
        }
        int mode = 0;
        // PosixFilePermission is declared from OWNER_READ (0400) down to OTHERS_EXECUTE (0001).
        for (PosixFilePermission p : posix.permissions()) {
            mode |= 0400 >> p.ordinal();
        }
        return mode;
    }

    /** A root that is not there, with a one-sentence message. */
    private static final class MissingRootException extends NoSuchFileException {
        private static final long serialVersionUID = 1L;

        MissingRootException(Path root) {
            super(root.toString());
        }

        @Override
        public String getMessage() {
            return "Cannot send " + getFile() + " because it does not exist.";
        }
    }
}
