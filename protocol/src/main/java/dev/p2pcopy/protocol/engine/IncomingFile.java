package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.resume.Journal;
import dev.p2pcopy.protocol.resume.JournalIdentity;
import dev.p2pcopy.protocol.resume.PartialFiles;
import dev.p2pcopy.protocol.resume.ReservedNames;
import dev.p2pcopy.protocol.resume.ResumePoint;
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
import java.util.zip.CRC32C;

/**
 * One file being received: written to a hidden temporary file beside its target and hashed
 * as it is written; {@link #verify} checks the SHA-256 and {@link #persist} flushes it to disk
 * and renames it atomically to its final name. Until then nothing exists under the final name. A {@link
 * Journal} beside the temporary file records each completed chunk, so that an interrupted
 * transfer can {@link #keep} what it has and a later one continue from it.
 */
final class IncomingFile implements AutoCloseable {
    /** Suffix of the temporary files, so that a person knows where they come from. */
    static final String PART_SUFFIX = ReservedNames.PART_SUFFIX;

    private static final int MAX_NAME_BYTES = 200;

    /** Opens a temporary file for writing; tests put in one that fails like a full disk. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path partFile) throws IOException;
    }

    private static final ChannelOpener FILE_SYSTEM =
            partFile -> FileChannel.open(partFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final Journal journal;
    private final int chunkSize;
    private final MessageDigest sha256;
    private final CRC32C chunkCrc = new CRC32C();
    private final Flusher flusher;
    private long written;
    private long flushed;

    private IncomingFile(
            Path target,
            Path temp,
            FileChannel channel,
            Journal journal,
            int chunkSize,
            ResumePoint resume,
            Flusher flusher) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.journal = journal;
        this.chunkSize = chunkSize;
        this.sha256 = resume.sha256();
        this.written = resume.offset();
        this.flushed = resume.offset();
        this.flusher = flusher;
    }

    /**
     * Opens the temporary file and the journal of {@code target} (creating the folders above
     * it) to write from {@code resume}: at its offset, where {@link #resumePoint} left both
     * files, or from scratch when it is 0. {@code flusher} pushes the data to disk while it grows.
     */
    static IncomingFile open(Path target, Flusher flusher, JournalIdentity id, ResumePoint resume) throws IOException {
        return open(target, flusher, id, resume, FILE_SYSTEM);
    }

    /** {@link #open(Path, Flusher, JournalIdentity, ResumePoint)} with the temporary file opened by {@code opener}. */
    static IncomingFile open(Path target, Flusher flusher, JournalIdentity id, ResumePoint resume, ChannelOpener opener)
            throws IOException {
        long offset = resume.offset();
        if (offset % id.chunkSize() != 0 || offset > id.size()) {
            throw new IllegalArgumentException("Cannot resume " + id.path() + " at offset " + offset);
        }
        Files.createDirectories(target.getParent());
        Path temp = partPath(target);
        FileChannel channel = opener.open(temp);
        try {
            if (channel.size() < offset) {
                throw new IOException("The partial file " + temp + " is shorter than its verified part.");
            }
            channel.truncate(offset);
            channel.position(offset);
            Journal journal = Journal.open(Journal.pathFor(temp), id, offset / id.chunkSize());
            return new IncomingFile(target, temp, channel, journal, id.chunkSize(), resume, flusher);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * How much of an earlier, interrupted transfer of {@code target} can be kept: the partial
     * file checked against its journal, both cut back to the verified part (or deleted).
     */
    static ResumePoint resumePoint(Path target, JournalIdentity id) throws IOException {
        Path temp = partPath(target);
        return PartialFiles.inspect(temp, Journal.pathFor(temp), id);
    }

    /** Where the temporary file of {@code target} lives: a hidden name in the same folder. */
    static Path partPath(Path target) {
        String name = target.getFileName().toString();
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            name = Integer.toHexString(name.hashCode());
        }
        return target.resolveSibling("." + name + PART_SUFFIX);
    }

    /**
     * Appends {@code data} (all of it), hashes it, and journals each chunk it completes. After
     * an exception the file is only good for {@link #keep} or {@link #discard}.
     */
    void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            int untilChunkEnd = (int) Math.min(chunkSize - written % chunkSize, data.remaining());
            ByteBuffer part = data.slice().limit(untilChunkEnd);
            while (part.hasRemaining()) {
                channel.write(part);
            }
            // Hashed only once written: the digest and the journal never get ahead of the file.
            sha256.update(part.flip().duplicate());
            chunkCrc.update(part);
            data.position(data.position() + untilChunkEnd);
            written += untilChunkEnd;
            if (written % chunkSize == 0) {
                journal.append(written / chunkSize - 1, (int) chunkCrc.getValue());
                chunkCrc.reset();
            }
        }
        if (written - flushed >= Flusher.FLUSH_EVERY) {
            flushed = written;
            flusher.flush(channel);
        }
    }

    /** Bytes in the file so far, including those kept from an earlier transfer. */
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
     * @return false if the hash does not match (the temporary file and journal are then deleted)
     */
    boolean verify(String expectedSha256) {
        String actual = FileHash.hex(sha256);
        if (!actual.equals(expectedSha256)) {
            discard();
            return false;
        }
        return true;
    }

    /**
     * Once verified: flushes the file to disk, sets its time and mode, renames it to its final
     * name, and deletes the journal.
     */
    void persist(long mtimeMillis, int mode) throws IOException {
        channel.force(true);
        channel.close();
        Files.setLastModifiedTime(temp, FileTime.fromMillis(mtimeMillis));
        PosixModes.apply(temp, mode);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // The file is saved; a journal left behind now has no partial file, and the next inspection drops it.
        closeJournal(true);
    }

    /** Closes and deletes the temporary file and the journal; safe to call more than once. */
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
        closeJournal(true);
    }

    /**
     * Closes the temporary file and the journal and leaves both on disk, so that a later transfer
     * resumes from them (after a lost connection, a cancel, a full disk). Safe to call more than
     * once, and after {@link #discard}.
     */
    void keep() {
        try {
            channel.close();
        } catch (IOException e) {
            // What reached the file is checked against the journal when it is resumed.
        }
        closeJournal(false);
    }

    private void closeJournal(boolean delete) {
        try {
            if (delete) {
                journal.delete();
            } else {
                journal.close();
            }
        } catch (IOException e) {
            // A journal without its partial file, or one that does not match it, is dropped when resumed.
        }
    }

    @Override
    public void close() {
        discard();
    }
}
