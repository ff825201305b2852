package dev.p2pcopy.desktop.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.protocol.FailureReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file of interrupted transfers: what goes in comes out, and a damaged file costs nothing but itself. */
@Timeout(30)
class TransferHistoryTest {
    @TempDir
    Path tmp;

    @Test
    void entriesComeBackAsSavedNewestFirst() throws IOException {
        TransferHistory history = TransferHistory.beside(tmp.resolve("config").resolve("settings.json"));
        assertThat(history.file()).isEqualTo(tmp.resolve("config").resolve("transfers.json"));
        assertThat(history.load()).as("no file yet").isEmpty();

        List<HistoryEntry> entries = List.of(receive(2, "Interrupted (the app was closed)."), send(1));
        history.save(entries);

        assertThat(new TransferHistory(history.file()).load()).isEqualTo(entries);
        assertThat(TestFiles.listing(tmp.resolve("config")))
                .as("no temporary file left behind")
                .containsExactly("transfers.json");
    }

    @Test
    void savesLaterInTheBackgroundAndCloseWaitsForTheLastOne() {
        TransferHistory history = new TransferHistory(tmp.resolve("transfers.json"));
        for (int i = 0; i < 20; i++) {
            history.saveLater(List.of(send(i)));
        }
        history.close();
        history.saveLater(List.of(send(99))); // after close: ignored

        assertThat(new TransferHistory(history.file()).load()).containsExactly(send(19));
    }

    @Test
    void keepsOnlyTheNewestFifty() {
        TransferHistory history = new TransferHistory(tmp.resolve("transfers.json"));
        List<HistoryEntry> many =
                IntStream.range(0, 60).mapToObj(TransferHistoryTest::send).toList();

        history.save(many);

        assertThat(history.load()).hasSize(TransferHistory.LIMIT).isEqualTo(many.subList(0, TransferHistory.LIMIT));
    }

    @Test
    void aDamagedFileGivesAnEmptyHistoryAndIsKeptAside() throws IOException {
        Path file = Files.writeString(tmp.resolve("transfers.json"), "{\"transfers\": [ {\"direction\":");
        TransferHistory history = new TransferHistory(file);

        assertThat(history.load()).isEmpty();

        Path bad = tmp.resolve("transfers.json.bad");
        assertThat(bad).hasContent("{\"transfers\": [ {\"direction\":");
        Files.delete(bad);
        assertThat(history.load()).as("the damaged file was replaced").isEmpty();
        assertThat(bad).as("so there is nothing to keep aside the next time").doesNotExist();
        history.save(List.of(send(1)));
        assertThat(history.load()).containsExactly(send(1));
    }

    @Test
    void unusableEntriesAreDroppedAndTheRestKept() throws IOException {
        TransferHistory history = new TransferHistory(tmp.resolve("transfers.json"));
        history.save(List.of(send(1), receive(2, "The relay could not be reached."), send(3)));
        String json = Files.readString(history.file(), StandardCharsets.UTF_8);
        // A misspelt direction in the first entry, a reason that is not worth resuming in the second.
        String damaged = json.replaceFirst("\"SEND\"", "\"SIDEWAYS\"").replace("\"TIMEOUT\"", "\"WRONG_CODE\"");
        assertThat(damaged).isNotEqualTo(json);
        Files.writeString(history.file(), damaged);

        assertThat(history.load()).containsExactly(send(3));
        assertThat(tmp.resolve("transfers.json.bad")).hasContent(damaged);
        assertThat(Files.readString(history.file()))
                .as("rewritten with what could be read")
                .doesNotContain("SIDEWAYS");
        assertThat(history.load()).containsExactly(send(3));
    }

    @Test
    void aFileThatIsNotAListIsAnEmptyHistory() throws IOException {
        Path file = Files.writeString(tmp.resolve("transfers.json"), "[1, 2, 3]");

        assertThat(new TransferHistory(file).load()).isEmpty();
        assertThat(tmp.resolve("transfers.json.bad")).exists();
    }

    @Test
    void aFailedSaveDoesNotThrow() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("config"), "a file where the folder should be");
        TransferHistory history = new TransferHistory(notAFolder.resolve("transfers.json"));

        history.save(List.of(send(1)));

        assertThat(history.load()).isEmpty();
        assertThat(notAFolder).hasContent("a file where the folder should be");
    }

    private static HistoryEntry send(int n) {
        Path folder = Path.of("/data/photos").toAbsolutePath();
        return new HistoryEntry(
                Direction.SEND,
                List.of(folder.resolve("a" + n + ".jpg"), folder.resolve("b.jpg")),
                folder,
                "a" + n + ".jpg and 1 more",
                "4821-river-orbit-lamp",
                1000L + n,
                n,
                FailureReason.PEER_FAILED,
                "The other side cancelled the transfer.",
                Instant.parse("2025-06-01T10:15:30.123456789Z").minusSeconds(n));
    }

    private static HistoryEntry receive(int n, String failure) {
        return new HistoryEntry(
                Direction.RECEIVE,
                List.of(),
                Path.of("/home/me/Downloads").toAbsolutePath(),
                "film.mkv (1 file, 4.0 GiB)",
                "17-apple-zebra",
                4L << 30,
                (1L << 30) + n,
                n == 2 ? FailureReason.TIMEOUT : FailureReason.CANCELLED,
                failure,
                Instant.parse("2025-06-02T08:00:00Z"));
    }
}
