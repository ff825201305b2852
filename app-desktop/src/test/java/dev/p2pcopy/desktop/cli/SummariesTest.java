package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {
    @Test
    void anOfferNamesUpToThreeTopLevelEntries() {
        Manifest few = new Manifest(List.of(dir("photos"), file("photos/a.jpg", 1024), file("notes.txt", 512)));
        Manifest many = new Manifest(List.of(file("a", 1), file("b", 1), file("c", 1), file("d", 1)));

        assertThat(Summaries.offer(few)).isEqualTo("2 files (1.5 KiB): photos, notes.txt");
        assertThat(Summaries.offer(many)).isEqualTo("4 files (4 B): a, b, c, ...");
    }

    @Test
    void summariesGiveCountSizeTimeAndRate() {
        TransferResult result = new TransferResult(3, 1_288_490_189L, Duration.ofMillis(4100), List.of());

        assertThat(Summaries.sent(result)).isEqualTo("Sent 3 files (1.2 GiB) in 4.1 s, 314 MB/s");
        assertThat(Summaries.received(result, Path.of("/data")))
                .isEqualTo("Received 3 files (1.2 GiB) in 4.1 s, 314 MB/s into " + Path.of("/data"));
    }

    @Test
    void anInstantTransferHasNoRate() {
        TransferResult empty = new TransferResult(0, 0, Duration.ZERO, List.of());

        assertThat(Summaries.sent(empty)).isEqualTo("Sent 0 files (0 B) in 0.0 s");
    }

    private static ManifestEntry file(String path, long size) {
        return new ManifestEntry(path, EntryType.FILE, size, 0, -1);
    }

    private static ManifestEntry dir(String path) {
        return new ManifestEntry(path, EntryType.DIR, 0, 0, -1);
    }
}
