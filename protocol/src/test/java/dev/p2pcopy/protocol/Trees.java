package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test files: random content, hashes, and whole-tree comparisons. */
public final class Trees {
    private Trees() {}

    /** Writes {@code size} pseudo-random bytes (reproducible from {@code seed}) to {@code file}. */
    static Path randomFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                random.nextBytes(buffer);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        return file;
    }

    /** Writes {@code size} bytes of repetitive text to {@code file}. */
    static Path textFile(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = "The quick brown fox jumps over the lazy dog, again and again. 0123456789\n".getBytes();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(line.length, left);
                out.write(line, 0, n);
                left -= n;
            }
        }
        return file;
    }

    /** Lowercase hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Sets a distinct, whole-second modification time, so that a copy that loses it is noticed. */
    static void stamp(Path path, long epochSecond) throws IOException {
        Files.setLastModifiedTime(path, FileTime.fromMillis(epochSecond * 1000));
    }

    /**
     * Asserts that {@code actual} holds the same tree as {@code expected}: the same relative
     * paths and kinds, the same file contents, and the same modification times (to the
     * millisecond) for files and folders.
     */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        TreeMap<String, String> want = describe(expected);
        TreeMap<String, String> got = describe(actual);
        assertThat(got).isEqualTo(want);
    }

    /** Every path under {@code dir}, relative, hidden ones included. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private static TreeMap<String, String> describe(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String rel = root.relativize(p).toString();
                long mtime =
                        Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
                if (Files.isDirectory(p)) {
                    out.put(rel + "/", rel.isEmpty() ? "root" : "dir@" + mtime);
                } else {
                    out.put(rel, sha256(p) + "@" + mtime);
                }
            }
        }
        return out;
    }
}
