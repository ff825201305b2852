package dev.p2pcopy.protocol.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class JournalTest {
    private static final JournalIdentity ID = new JournalIdentity("photos/x.jpg", 10_000, 1_700_000_000_000L, 1000);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(".x.jpg.p2p-copy-part.p2p-copy-journal");
    }

    private Path journalOf(int records) throws IOException {
        try (Journal journal = Journal.open(file(), ID, 0)) {
            for (int i = 0; i < records; i++) {
                journal.append(i, checksum(i));
            }
        }
        return file();
    }

    private static int checksum(int i) {
        return 0x9E3779B9 * (i + 1);
    }

    private void writeRaw(byte[]... parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file())) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
    }

    @Test
    void recordsComeBackInOrderBehindAReadableHeader() throws Exception {
        journalOf(3);

        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(checksum(0), checksum(1), checksum(2));
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo("{\"magic\":\"p2p-copy-journal\",\"version\":1,\"path\":\"photos/x.jpg\",\"size\":10000,"
                        + "\"mtimeMillis\":1700000000000,\"chunkSize\":1000}");
        assertThat(lines.get(1)).hasSize(Journal.RECORD_LENGTH - 1).startsWith("0000000000000000 ");
        assertThat(Files.size(file())).isEqualTo(Journal.header(ID).length + 3L * Journal.RECORD_LENGTH);
    }

    @Test
    void theJournalIsAHiddenNameBesideThePartFile() {
        assertThat(Journal.pathFor(dir.resolve(".a.txt.p2p-copy-part")))
                .isEqualTo(dir.resolve(".a.txt.p2p-copy-part.p2p-copy-journal"));
        assertThat(Journal.pathFor(dir.resolve("a.txt"))).isEqualTo(dir.resolve(".a.txt.p2p-copy-journal"));
    }

    @Test
    void aTornLastRecordIsDroppedAndTheOnesBeforeKept() throws Exception {
        journalOf(3);
        long size = Files.size(file());
        try (var channel = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            channel.truncate(size - 10);
        }
        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(checksum(0), checksum(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 16, 20, 25, 30, 34})
    void aDamagedRecordEndsTheJournalThere(int position) throws Exception {
        journalOf(4);
        byte[] bytes = Files.readAllBytes(file());
        int at = Journal.header(ID).length + 2 * Journal.RECORD_LENGTH + position;
        bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
        Files.write(file(), bytes);

        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(checksum(0), checksum(1));
    }

    @Test
    void aRecordOutOfOrderEndsTheJournalThere() throws Exception {
        writeRaw(Journal.header(ID), Journal.record(0, 7), Journal.record(2, 8), Journal.record(1, 9));
        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(7);

        writeRaw(Journal.header(ID), Journal.record(0, 7), Journal.record(0, 7));
        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(7);
    }

    @Test
    void aRecordWithNonHexDigitsIsBad() throws Exception {
        byte[] record = Journal.record(0, 7);
        record[28] = (byte) 'g'; // in the record checksum
        writeRaw(Journal.header(ID), record);
        assertThat(Journal.recordedChecksums(file(), ID)).isEmpty();
    }

    @Test
    void aBadHeaderMeansNoJournal() throws Exception {
        assertThat(Journal.recordedChecksums(file(), ID)).as("missing").isEmpty();

        writeRaw("garbage\n".getBytes(StandardCharsets.UTF_8), Journal.record(0, 7));
        assertThat(Journal.recordedChecksums(file(), ID)).as("garbage").isEmpty();

        String otherVersion =
                new String(Journal.header(ID), StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":2");
        writeRaw(otherVersion.getBytes(StandardCharsets.UTF_8), Journal.record(0, 7));
        assertThat(Journal.recordedChecksums(file(), ID)).as("other version").isEmpty();

        byte[] header = Journal.header(ID);
        writeRaw(Arrays.copyOf(header, header.length / 2));
        assertThat(Journal.recordedChecksums(file(), ID)).as("torn header").isEmpty();

        Files.delete(file());
        Files.createDirectory(file());
        assertThat(Journal.recordedChecksums(file(), ID)).as("unreadable").isEmpty();
    }

    static List<JournalIdentity> otherFiles() {
        return List.of(
                new JournalIdentity("photos/y.jpg", ID.size(), ID.mtimeMillis(), ID.chunkSize()),
                new JournalIdentity(ID.path(), ID.size() + 1, ID.mtimeMillis(), ID.chunkSize()),
                new JournalIdentity(ID.path(), ID.size(), ID.mtimeMillis() + 1, ID.chunkSize()),
                new JournalIdentity(ID.path(), ID.size(), ID.mtimeMillis(), ID.chunkSize() * 2));
    }

    @ParameterizedTest
    @MethodSource("otherFiles")
    void theJournalOfAnotherFileIsNoJournal(JournalIdentity other) throws Exception {
        journalOf(2);
        assertThat(Journal.recordedChecksums(file(), other)).isEmpty();
    }

    @Test
    void recordsBeyondTheLastWholeChunkAreIgnored() throws Exception {
        JournalIdentity small = new JournalIdentity("a", 2500, 0, 1000);
        writeRaw(Journal.header(small), Journal.record(0, 1), Journal.record(1, 2), Journal.record(2, 3));
        assertThat(Journal.recordedChecksums(file(), small)).containsExactly(1, 2);
    }

    @Test
    void appendRefusesAChunkOutOfTurn() throws Exception {
        try (Journal journal = Journal.open(file(), ID, 0)) {
            journal.append(0, 1);
            assertThatThrownBy(() -> journal.append(2, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Chunk 2");
        }
        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(1);
    }

    @Test
    void reopeningContinuesAfterTheKeptRecords() throws Exception {
        journalOf(4);
        Journal.keepRecords(file(), ID, 2);
        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(checksum(0), checksum(1));

        try (Journal journal = Journal.open(file(), ID, 2)) {
            journal.append(2, 42);
        }
        assertThat(Journal.recordedChecksums(file(), ID)).containsExactly(checksum(0), checksum(1), 42);

        assertThatThrownBy(() -> Journal.open(file(), ID, 5))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not hold the 5 verified chunks");
    }

    @Test
    void openingAfreshEmptiesAnOldJournal() throws Exception {
        journalOf(4);
        Journal.open(file(), ID, 0).close();
        assertThat(Files.readAllBytes(file())).isEqualTo(Journal.header(ID));
    }

    @Test
    void deleteRemovesTheFileAndMayBeRepeated() throws Exception {
        Journal journal = Journal.open(file(), ID, 0);
        journal.append(0, 1);
        journal.delete();
        journal.delete();
        journal.close();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void identitiesAreChecked() {
        assertThatThrownBy(() -> new JournalIdentity("a", -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalIdentity("a", 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalIdentity(null, 1, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ResumePoint(-1, ResumePoint.fresh().sha256()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ResumePoint.fresh().offset()).isZero();
    }
}
