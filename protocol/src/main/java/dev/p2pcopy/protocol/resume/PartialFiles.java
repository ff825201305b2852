package dev.p2pcopy.protocol.resume;

import dev.p2pcopy.protocol.crypto.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.zip.CRC32C;

/** Decides how much of a partial file left by an interrupted transfer can be kept. */
public final class PartialFiles {
    private PartialFiles() {}

    /**
     * Checks {@code partFile} against its {@code journalFile}: when the journal belongs to
     * {@code expected}, the partial file is re-read chunk by chunk and kept up to the first chunk
     * that is short or missing, whose CRC32C differs from its record, or that has no record. Both
     * files are cut back to what is kept, so that writing and journaling continue from there.
     * When nothing can be kept (no journal, a journal of another file or version, which is how a
     * changed source shows, or an unreadable partial file) both files are deleted.
     *
     * @return the verified offset (at most {@code expected.size()}) and the SHA-256 of the bytes
     *     before it; {@link ResumePoint#fresh()} when nothing is kept
     * @throws IOException if the files cannot be cut back or deleted
     */
    public static ResumePoint inspect(Path partFile, Path journalFile, JournalIdentity expected) throws IOException {
        int[] recorded = Journal.recordedChecksums(journalFile, expected);
        MessageDigest sha256 = Sha256.newDigest();
        long kept = 0;
        if (recorded.length > 0 && Files.isRegularFile(partFile, LinkOption.NOFOLLOW_LINKS)) {
            kept = matchingChunks(partFile, recorded, expected.chunkSize(), sha256);
        }
        if (kept == 0) {
            Files.deleteIfExists(partFile);
            Files.deleteIfExists(journalFile);
            return ResumePoint.fresh();
        }
        long offset = kept * expected.chunkSize();
        try (FileChannel channel = FileChannel.open(partFile, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
        }
        Journal.keepRecords(journalFile, expected, kept);
        return new ResumePoint(offset, sha256);
    }

    /** How many chunks from the start match their records; {@code sha256} consumes exactly those. */
    private static long matchingChunks(Path partFile, int[] recorded, int chunkSize, MessageDigest sha256) {
        ByteBuffer chunk = ByteBuffer.allocate(chunkSize);
        CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(partFile, StandardOpenOption.READ)) {
            for (int i = 0; i < recorded.length; i++) {
                readChunk(channel, chunk, (long) i * chunkSize);
                crc.reset();
                crc.update(chunk.flip());
                if (chunk.limit() < chunkSize || (int) crc.getValue() != recorded[i]) {
                    return i;
                }
                sha256.update(chunk.rewind());
            }
            return recorded.length;
        } catch (IOException e) {
            return 0; // unreadable: nothing of it can be trusted
        }
    }

    /** Fills {@code chunk} from {@code position} on, or with what is left before the end of the file. */
    private static void readChunk(FileChannel channel, ByteBuffer chunk, long position) throws IOException {
        chunk.clear();
        int read;
        do {
            read = channel.read(chunk, position + chunk.position());
        } while (read > 0 && chunk.hasRemaining());
    }
}
