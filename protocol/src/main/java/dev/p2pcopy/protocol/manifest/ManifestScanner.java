package dev.p2pcopy.protocol.manifest;

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
import java.util.List;
import java.util.Map;

/**
 * Turns the files and folders a sender picked into a {@link Manifest}.
 *
 * <p>Each root is offered under its own name: a file {@code /x/a.txt} becomes {@code a.txt}; a
 * folder {@code /x/photos} becomes the directory entry {@code photos} followed by everything
 * inside it ({@code photos/2024/img.jpg}, ...), recursively. A directory comes before its
 * contents, siblings are sorted by name so that the same tree always gives the same manifest,
 * and empty directories are included. Symbolic links are never followed; they (and special
 * files such as sockets) are left out and reported in {@link ScannedManifest#skippedLinks()}.
 */
public final class ManifestScanner {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final List<ManifestEntry> entries = new ArrayList<>();
    private final List<Path> sources = new ArrayList<>();
    private final List<Path> skipped = new ArrayList<>();

    private ManifestScanner() {}

    /**
     * Scans {@code roots} in the given order.
     *
     * @throws NoSuchFileException if a root does not exist (the message names it)
     * @throws IllegalArgumentException if two roots have the same name, or a root has no name
     *     (a file-system root such as {@code /})
     * @throws UnsafePathException if a name could not be created safely on every receiver (see
     *     {@link SafePaths#check}), e.g. one that contains {@code :} or a backslash
     * @throws IOException if a file or folder cannot be read
     */
    public static ScannedManifest scan(List<Path> roots) throws IOException {
        ManifestScanner scanner = new ManifestScanner();
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
        return new ScannedManifest(new Manifest(scanner.entries), scanner.sources, scanner.skipped);
    }

    private void add(Path file, String path) throws IOException {
        BasicFileAttributes attrs = attributes(file);
        if (attrs.isDirectory()) {
            entries.add(entry(path, EntryType.DIR, 0, attrs));
            sources.add(null);
            for (Path child : children(file)) {
                add(child, path + "/" + child.getFileName());
            }
        } else if (attrs.isRegularFile()) {
            entries.add(entry(path, EntryType.FILE, attrs.size(), attrs));
            sources.add(file);
        } else {
            skipped.add(file);
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
    private static BasicFileAttributes attributes(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.readAttributes(file, PosixFileAttributes.class, NO_FOLLOW);
        }
        return Files.readAttributes(file, BasicFileAttributes.class, NO_FOLLOW);
    }

    private static ManifestEntry entry(String path, EntryType type, long size, BasicFileAttributes attrs) {
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
