package dev.p2pcopy.protocol.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;

/**
 * One file being received: written to a hidden temporary file beside its target and hashed
 * as it is written; {@link #commit} checks the SHA-256, flushes it to disk and renames it
 * atomically to its final name. Until then nothing exists under the final name.
 */
final class IncomingFile implements AutoCloseable {
    /** Suffix of the temporary files, so that a person knows where they come from. */
    static final String PART_SUFFIX = ".p2p-copy-part";

    private static final int MAX_NAME_BYTES = 200;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest sha256;
    private final Flusher flusher;
    private long written;
    private long flushed;

    private IncomingFile(Path target, Path temp, FileChannel channel, Flusher flusher) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.flusher = flusher;
        this.sha256 = FileHash.newDigest();
    }

    /**
     * Creates the temporary file for {@code target} (and the folders above it); {@code flusher}
     * pushes its data to disk while it grows.
     */
    static IncomingFile create(Path target, Flusher flusher) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = partPath(target);
        FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return new IncomingFile(target, temp, channel, flusher);
    }

    /** Where the temporary file of {@code target} lives: a hidden name in the same folder. */
    static Path partPath(Path target) {
        String name = target.getFileName().toString();
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            name = Integer.toHexString(name.hashCode());
        }
        return target.resolveSibling("." + name + PART_SUFFIX);
    }

    /** Appends {@code data} (all of it) and hashes it. */
    void write(ByteBuffer data) throws IOException {
        sha256.update(data.duplicate());
        while (data.hasRemaining()) {
            written += channel.write(data);
        }
        if (written - flushed >= Flusher.FLUSH_EVERY) {
            flushed = written;
            flusher.flush(channel);
        }
    }

    /** Bytes written so far. */
    long written() {
        return written;
    }

    /** The final name. */
    Path target() {
        return target;
    }

    /**
     * Checks the content against {@code expectedSha256}.
     *
     * @return false if the hash does not match (the temporary file is then deleted)
     */
    boolean verify(String expectedSha256) {
        String actual = FileHash.hex(sha256);
        if (!actual.equals(expectedSha256)) {
            discard();
            return false;
        }
        return true;
    }

    /** Once verified: flushes the file to disk, sets its time and mode, renames it to its final name. */
    void persist(long mtimeMillis, int mode) throws IOException {
        channel.force(true);
        channel.close();
        Files.setLastModifiedTime(temp, FileTime.fromMillis(mtimeMillis));
        PosixModes.apply(temp, mode);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Closes and deletes the temporary file; safe to call more than once. */
    void discard() {
        try {
            channel.close();
        } catch (IOException e) {
            // Deleting below is what matters.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more can be done; the file's hidden name marks it as a leftover.
        }
    }

    @Override
    public void close() {
        discard();
    }
}
