package dev.p2pcopy.desktop.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferSummaryTest {

    @Test
    void listsTopLevelNamesWithWhatTheyHold() {
        Manifest offer = new Manifest(List.of(
                new ManifestEntry("photos", EntryType.DIR, 0, 0, 0755),
                new ManifestEntry("photos/a.jpg", EntryType.FILE, 1024, 0, 0644),
                new ManifestEntry("photos/deep/b.jpg", EntryType.FILE, 2048, 0, 0644),
                new ManifestEntry("empty", EntryType.DIR, 0, 0, 0755),
                new ManifestEntry("notes.txt", EntryType.FILE, 10, 0, 0644)));
        assertThat(OfferSummary.totals(offer)).isEqualTo("3 files, 3.0 KiB");
        assertThat(OfferSummary.lines(offer))
                .containsExactly("photos/ — 2 files, 3.0 KiB", "empty/ — 0 files, 0 B", "notes.txt — 10 B");
    }

    @Test
    void aLongOfferShowsTheFirstNamesAndHowManyMore() {
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            entries.add(new ManifestEntry("file-" + i, EntryType.FILE, 1, 0, 0644));
        }
        Manifest offer = new Manifest(entries);
        assertThat(OfferSummary.lines(offer)).hasSize(OfferSummary.SHOWN).startsWith("file-0 — 1 B");
        assertThat(OfferSummary.more(offer)).isEqualTo("and 3 more");
        assertThat(OfferSummary.more(new Manifest(entries.subList(0, OfferSummary.SHOWN))))
                .isEmpty();
    }
}
