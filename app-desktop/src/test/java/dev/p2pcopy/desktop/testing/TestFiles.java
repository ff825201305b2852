package dev.p2pcopy.desktop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Files for the transfer tests: random content, its SHA-256, what a folder holds, and the one big file. */
public final class TestFiles {
    public static final int MIB = 1024 * 1024;
    /** Size of the file the kill tests send. */
    public static final long BIG_BYTES = 200L * MIB;

    private static Path big;
    private static String bigSha256;

    private TestFiles() {}

    /** Writes {@code size} random bytes (seeded by the size) to {@code path}. */
    public static Path randomFile(Path path, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(size);
        byte[] block = new byte[MIB];
        LongBuffer longs = ByteBuffer.wrap(block).asLongBuffer();
        try (OutputStream output = Files.newOutputStream(path)) {
            for (long left = size; left > 0; left -= block.length) {
                // A long at a time: several times faster than nextBytes, which matters at 200 MiB.
                longs.clear();
                while (longs.hasRemaining()) {
                    longs.put(random.nextLong());
                }
                output.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return path;
    }

    /**
     * The {@value #BIG_BYTES}-byte random file, written once per test run into its own temporary
     * folder, which is removed when the JVM exits.
     */
    public static synchronized Path big() throws IOException {
        if (big == null) {
            Path dir = Files.createTempDirectory("p2p-copy-big-");
            Path file = randomFile(dir.resolve("big.bin"), BIG_BYTES);
            bigSha256 = sha256(file);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // The system cleans its temporary folder eventually.
                }
            }));
            big = file;
        }
        return big;
    }

    /** The SHA-256 of {@link #big()}. */
    public static synchronized String bigSha256() throws IOException {
        big();
        return bigSha256;
    }

    /** A file's SHA-256 in hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[MIB];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The names in {@code dir}, hidden ones included, sorted. */
    public static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The size of {@code file}, or 0 while it does not exist. */
    public static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The partial file the receiver writes beside {@code target} until it is complete. */
    public static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".p2p-copy-part");
    }
}
