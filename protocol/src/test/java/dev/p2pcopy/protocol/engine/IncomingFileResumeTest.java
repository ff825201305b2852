package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.resume.Journal;
import dev.p2pcopy.protocol.resume.JournalIdentity;
import dev.p2pcopy.protocol.resume.ResumePoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class IncomingFileResumeTest {
    private static final int CHUNK = 4096;
    private static final int PIECE = 1000; // pieces that do not line up with chunks

    @TempDir
    Path dir;

    private final Flusher flusher = new Flusher();
    private final byte[] content = new byte[5 * CHUNK + 123];
    private final JournalIdentity id = new JournalIdentity("sub/f.bin", content.length, 1_600_000_000_000L, CHUNK);

    IncomingFileResumeTest() {
        new Random(11).nextBytes(content);
    }

    @AfterEach
    void stopFlusher() {
        flusher.close();
    }

    private Path target() {
        return dir.resolve("sub/f.bin");
    }

    private Path part() {
        return IncomingFile.partPath(target());
    }

    private Path journal() {
        return Journal.pathFor(part());
    }

    /** Writes bytes {@code [from, to)} of the content in pieces of {@link #PIECE} bytes. */
    private void write(IncomingFile file, int from, int to) throws IOException {
        for (int at = from; at < to; at += PIECE) {
            file.write(ByteBuffer.wrap(content, at, Math.min(PIECE, to - at)).slice());
        }
    }

    /** Received the first {@code bytes} of the content, then the connection dropped. */
    private void interruptedAfter(int bytes) throws IOException {
        IncomingFile file = IncomingFile.open(target(), flusher, id, ResumePoint.fresh());
        write(file, 0, bytes);
        file.keep();
    }

    private String sha256OfFirst(long bytes) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(content, 0, (int) bytes);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Resumes from {@code point}, receives the rest and commits: the result must be the exact file. */
    private void finishFrom(ResumePoint point) throws Exception {
        IncomingFile file = IncomingFile.open(target(), flusher, id, point);
        assertThat(file.written()).isEqualTo(point.offset());
        write(file, (int) point.offset(), content.length);
        assertThat(file.verify(sha256OfFirst(content.length))).isTrue();
        file.persist(id.mtimeMillis(), -1);
        assertThat(target()).hasBinaryContent(content);
        assertThat(part()).doesNotExist();
        assertThat(journal()).doesNotExist();
    }

    @Test
    void keptChunksResumeWithTheHashOfExactlyThem() throws Exception {
        interruptedAfter(3 * CHUNK + 500);
        assertThat(part()).exists();
        assertThat(journal()).exists();

        ResumePoint point = IncomingFile.resumePoint(target(), id);

        assertThat(point.offset()).isEqualTo(3 * CHUNK);
        assertThat(HexFormat.of().formatHex(point.sha256().digest())).isEqualTo(sha256OfFirst(3 * CHUNK));
        assertThat(Files.size(part())).isEqualTo(3 * CHUNK);
    }

    @Test
    void aResumedFileEndsUpExact() throws Exception {
        interruptedAfter(3 * CHUNK + 500);
        finishFrom(IncomingFile.resumePoint(target(), id));
    }

    @Test
    void aDamagedChunkResumesAtItsStart() throws Exception {
        interruptedAfter(5 * CHUNK);
        byte[] bytes = Files.readAllBytes(part());
        bytes[2 * CHUNK + 77] ^= 0x40;
        Files.write(part(), bytes);

        ResumePoint point = IncomingFile.resumePoint(target(), id);

        assertThat(point.offset()).isEqualTo(2 * CHUNK);
        assertThat(Files.size(part())).isEqualTo(2 * CHUNK);
        finishFrom(point);
    }

    @Test
    void aPartFileCutMidChunkResumesAtTheLastWholeChunk() throws Exception {
        interruptedAfter(4 * CHUNK);
        try (FileChannel channel = FileChannel.open(part(), StandardOpenOption.WRITE)) {
            channel.truncate(2 * CHUNK + CHUNK / 2);
        }

        ResumePoint point = IncomingFile.resumePoint(target(), id);

        assertThat(point.offset()).isEqualTo(2 * CHUNK);
        finishFrom(point);
    }

    @Test
    void bytesBeyondTheJournalAreNotTrusted() throws Exception {
        interruptedAfter(3 * CHUNK);
        try (FileChannel channel = FileChannel.open(part(), StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[2 * CHUNK])); // written, never journaled
        }

        ResumePoint point = IncomingFile.resumePoint(target(), id);

        assertThat(point.offset()).isEqualTo(3 * CHUNK);
        finishFrom(point);
    }

    @Test
    void onePieceSpanningManyChunksJournalsEachOfThem() throws Exception {
        IncomingFile file = IncomingFile.open(target(), flusher, id, ResumePoint.fresh());
        file.write(ByteBuffer.wrap(content).asReadOnlyBuffer());
        file.keep();

        ResumePoint point = IncomingFile.resumePoint(target(), id);

        assertThat(point.offset()).as("the short last chunk is never journaled").isEqualTo(5 * CHUNK);
        finishFrom(point);
    }

    @Test
    void aFileOfWholeChunksCanResumeAtItsEnd() throws Exception {
        JournalIdentity exact = new JournalIdentity(id.path(), 2 * CHUNK, id.mtimeMillis(), CHUNK);
        IncomingFile first = IncomingFile.open(target(), flusher, exact, ResumePoint.fresh());
        write(first, 0, 2 * CHUNK);
        first.keep();

        ResumePoint point = IncomingFile.resumePoint(target(), exact);
        assertThat(point.offset()).isEqualTo(2 * CHUNK);

        IncomingFile again = IncomingFile.open(target(), flusher, exact, point);
        assertThat(again.verify(sha256OfFirst(2 * CHUNK))).isTrue();
        again.persist(exact.mtimeMillis(), -1);
        assertThat(Files.size(target())).isEqualTo(2 * CHUNK);
    }

    @Test
    void aChangedSourceStartsOver() throws Exception {
        interruptedAfter(3 * CHUNK);
        JournalIdentity changed = new JournalIdentity(id.path(), id.size(), id.mtimeMillis() + 1, CHUNK);

        ResumePoint point = IncomingFile.resumePoint(target(), changed);

        assertThat(point.offset()).isZero();
        assertThat(part()).doesNotExist();
        assertThat(journal()).doesNotExist();
        finishFrom(point);
    }

    @Test
    void discardAndAWrongHashDeleteThePartFileAndTheJournal() throws Exception {
        IncomingFile file = IncomingFile.open(target(), flusher, id, ResumePoint.fresh());
        write(file, 0, 2 * CHUNK);
        assertThat(file.verify(sha256OfFirst(1))).isFalse();
        assertThat(dir.resolve("sub")).isEmptyDirectory();

        interruptedAfter(2 * CHUNK);
        IncomingFile resumed = IncomingFile.open(target(), flusher, id, IncomingFile.resumePoint(target(), id));
        resumed.discard();
        resumed.keep(); // after discard: leaves nothing behind either
        assertThat(dir.resolve("sub")).isEmptyDirectory();
    }

    @Test
    void keepMayBeRepeated() throws Exception {
        IncomingFile file = IncomingFile.open(target(), flusher, id, ResumePoint.fresh());
        write(file, 0, CHUNK);
        file.keep();
        file.keep();
        assertThat(IncomingFile.resumePoint(target(), id).offset()).isEqualTo(CHUNK);
    }

    @Test
    void openingAtAnOffsetTheFilesDoNotHoldFails() throws Exception {
        ResumePoint between = new ResumePoint(CHUNK / 2, ResumePoint.fresh().sha256());
        assertThatThrownBy(() -> IncomingFile.open(target(), flusher, id, between))
                .isInstanceOf(IllegalArgumentException.class);
        ResumePoint beyond = new ResumePoint(6L * CHUNK, ResumePoint.fresh().sha256());
        assertThatThrownBy(() -> IncomingFile.open(target(), flusher, id, beyond))
                .isInstanceOf(IllegalArgumentException.class);

        interruptedAfter(CHUNK);
        ResumePoint tooFar = new ResumePoint(2 * CHUNK, ResumePoint.fresh().sha256());
        assertThatThrownBy(() -> IncomingFile.open(target(), flusher, id, tooFar))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("shorter than its verified part");
        Files.write(part(), new byte[2 * CHUNK]); // long enough, but the journal holds one record
        assertThatThrownBy(() -> IncomingFile.open(target(), flusher, id, tooFar))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not hold the 2 verified chunks");
    }

    @Test
    void aFullDiskKeepsTheVerifiedPartAndResumesOnceThereIsSpace() throws Exception {
        long space = 2 * CHUNK + 1500;
        IncomingFile file =
                IncomingFile.open(target(), flusher, id, ResumePoint.fresh(), path -> new FullDisk(path, space));

        assertThatThrownBy(() -> write(file, 0, content.length))
                .isInstanceOf(IOException.class)
                .hasMessage("No space left on device");
        file.keep();
        assertThat(Files.size(part())).isEqualTo(space);
        assertThat(journal()).exists();

        ResumePoint point = IncomingFile.resumePoint(target(), id);

        assertThat(point.offset()).isEqualTo(2 * CHUNK);
        finishFrom(point);
    }

    @Test
    void aDiskFullAtAChunkBoundaryClaimsNothingAfterIt() throws Exception {
        IncomingFile file =
                IncomingFile.open(target(), flusher, id, ResumePoint.fresh(), path -> new FullDisk(path, 3L * CHUNK));

        assertThatThrownBy(() -> write(file, 0, content.length)).hasMessage("No space left on device");
        assertThat(file.written()).isEqualTo(3 * CHUNK);
        file.keep();

        assertThat(IncomingFile.resumePoint(target(), id).offset()).isEqualTo(3 * CHUNK);
    }

    /** A file channel on a disk with {@code space} bytes free: writes beyond fail like ENOSPC. */
    private static final class FullDisk extends FileChannel {
        private final FileChannel delegate;
        private long space;

        FullDisk(Path path, long space) throws IOException {
            this.delegate = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.space = space;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (space == 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer fitting = src.slice().limit((int) Math.min(src.remaining(), space));
            int n = delegate.write(fitting);
            src.position(src.position() + n);
            space -= n;
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            delegate.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
