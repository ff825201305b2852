package dev.p2pcopy.protocol.resume;

import java.util.Objects;

/**
 * Which file a journal belongs to: the manifest entry's identity and the chunk size its data
 * arrives in. If any of it differs on a later run, the source changed (or the chunks are cut
 * differently) and the partial file is useless.
 *
 * @param path the entry's relative path in the manifest
 * @param size the entry's size in bytes
 * @param mtimeMillis the entry's last-modified time, milliseconds since the epoch
 * @param chunkSize bytes per chunk; chunk {@code i} starts at offset {@code i * chunkSize}
 */
public record JournalIdentity(String path, long size, long mtimeMillis, int chunkSize) {
    /** Checks the values. */
    public JournalIdentity {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("Negative size " + size);
        }
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("Chunk size must be positive, not " + chunkSize);
        }
    }

    /** Number of whole chunks in the file: the ones a journal can record. */
    long fullChunks() {
        return size / chunkSize;
    }
}
