package dev.p2pcopy.desktop.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One small file that is always replaced whole: a write goes to a temporary file beside it, is
 * forced to the disk and renamed over the old one, so a crash never leaves half a file behind.
 */
public final class AtomicFile {
    /** Appended to the file's name for the copy of a file that could not be used fully. */
    public static final String BAD_SUFFIX = ".bad";

    private final Path path;

    /** @param path the file; its folder is created on the first write */
    public AtomicFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** The file, as an absolute path. */
    public Path path() {
        return path;
    }

    /**
     * The file's content.
     *
     * @throws java.nio.file.NoSuchFileException if there is no file yet
     * @throws IOException if it cannot be read
     */
    public byte[] read() throws IOException {
        return Files.readAllBytes(path);
    }

    /**
     * Replaces the file with {@code bytes}, creating its folder if needed. On failure the old
     * file is left as it was and no temporary file stays behind.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(byte[] bytes) throws IOException {
        Path folder = path.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, path.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(folder);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A stray temporary file is harmless; the real failure is already on its way up.
                }
            }
        }
    }

    /**
     * Copies the file aside, to its name with {@link #BAD_SUFFIX}, replacing an older copy, so
     * that a file that could not be used is not lost when it is rewritten.
     *
     * @return the copy, or empty if the file could not be copied
     */
    public Optional<Path> keepBadCopy() {
        Path copy = path.resolveSibling(path.getFileName() + BAD_SUFFIX);
        try {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(copy);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Makes the rename itself durable where the OS allows opening a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The file's content is already on the disk; only the rename might be replayed.
        }
    }
}
