package dev.p2pcopy.protocol.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(10)
class PartialFilesTest {
    private static final int CHUNK = 1000;
    private static final JournalIdentity ID =
            new JournalIdentity("dir/f.bin", 3 * CHUNK + 400, 1_650_000_000_000L, CHUNK);

    @TempDir
    Path dir;

    private final byte[] content = new byte[(int) ID.size()];

    private Path part() {
        return dir.resolve(".f.bin.p2p-copy-part");
    }

    private Path journal() {
        return Journal.pathFor(part());
    }

    /** A part file holding the first {@code bytes} of the content and a journal of its first {@code chunks}. */
    private void leftBehind(int bytes, int chunks) throws Exception {
        new Random(7).nextBytes(content);
        Files.write(part(), Arrays.copyOf(content, bytes));
        try (Journal j = Journal.open(journal(), ID, 0)) {
            for (int i = 0; i < chunks; i++) {
                CRC32C crc = new CRC32C();
                crc.update(content, i * CHUNK, CHUNK);
                j.append(i, (int) crc.getValue());
            }
        }
    }

    private byte[] sha256OfFirst(long bytes) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(content, 0, (int) bytes);
        return sha.digest();
    }

    @Test
    void keepsTheChunksThatMatchTheirRecordsAndCutsBothFilesThere() throws Exception {
        leftBehind(2 * CHUNK + 300, 2);

        ResumePoint point = PartialFiles.inspect(part(), journal(), ID);

        assertThat(point.offset()).isEqualTo(2 * CHUNK);
        assertThat(point.sha256().digest()).isEqualTo(sha256OfFirst(2 * CHUNK));
        assertThat(Files.size(part())).isEqualTo(2 * CHUNK);
        assertThat(Journal.recordedChecksums(journal(), ID)).hasSize(2);
        assertThat(Files.size(journal())).isEqualTo(Journal.header(ID).length + 2L * Journal.RECORD_LENGTH);
    }

    @Test
    void aWholeFileOfWholeChunksResumesAtItsEndAndNeverBeyond() throws Exception {
        JournalIdentity exact = new JournalIdentity(ID.path(), 2 * CHUNK, ID.mtimeMillis(), CHUNK);
        new Random(3).nextBytes(content);
        Files.write(part(), Arrays.copyOf(content, 3 * CHUNK));
        try (Journal j = Journal.open(journal(), exact, 0)) {
            for (int i = 0; i < 3; i++) {
                CRC32C crc = new CRC32C();
                crc.update(content, i * CHUNK, CHUNK);
                j.append(i, (int) crc.getValue());
            }
        }

        ResumePoint point = PartialFiles.inspect(part(), journal(), exact);

        assertThat(point.offset()).isEqualTo(exact.size());
        assertThat(Files.size(part())).isEqualTo(exact.size());
    }

    static List<JournalIdentity> changedSources() {
        return List.of(
                new JournalIdentity("dir/g.bin", ID.size(), ID.mtimeMillis(), CHUNK),
                new JournalIdentity(ID.path(), ID.size() - 1, ID.mtimeMillis(), CHUNK),
                new JournalIdentity(ID.path(), ID.size(), ID.mtimeMillis() + 1000, CHUNK),
                new JournalIdentity(ID.path(), ID.size(), ID.mtimeMillis(), CHUNK / 2));
    }

    @ParameterizedTest
    @MethodSource("changedSources")
    void aChangedSourceStartsOverAndLeavesNothing(JournalIdentity now) throws Exception {
        leftBehind(3 * CHUNK, 3);

        ResumePoint point = PartialFiles.inspect(part(), journal(), now);

        assertThat(point.offset()).isZero();
        assertThat(point.sha256().digest()).isEqualTo(sha256OfFirst(0));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void withoutAJournalThePartFileIsDeleted() throws Exception {
        Files.write(part(), new byte[3 * CHUNK]);
        assertThat(PartialFiles.inspect(part(), journal(), ID).offset()).isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void withoutAPartFileTheJournalIsDeleted() throws Exception {
        leftBehind(0, 2);
        Files.delete(part());
        assertThat(PartialFiles.inspect(part(), journal(), ID).offset()).isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aJournalWithoutRecordsKeepsNothing() throws Exception {
        leftBehind(2 * CHUNK, 0);
        assertThat(PartialFiles.inspect(part(), journal(), ID).offset()).isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDamagedFirstChunkKeepsNothing() throws Exception {
        leftBehind(3 * CHUNK, 3);
        byte[] bytes = Files.readAllBytes(part());
        bytes[10] ^= 1;
        Files.write(part(), bytes);

        assertThat(PartialFiles.inspect(part(), journal(), ID).offset()).isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aPartFileThatCannotBeReadKeepsNothing() throws Exception {
        leftBehind(0, 2);
        Files.delete(part());
        Files.createDirectory(part()); // not a regular file

        assertThat(PartialFiles.inspect(part(), journal(), ID).offset()).isZero();
        assertThat(dir).isEmptyDirectory();
    }
}
