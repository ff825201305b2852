package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfferPromptTest {
    private static final Manifest OFFER =
            new Manifest(List.of(new ManifestEntry("notes.txt", EntryType.FILE, 2048, 0, -1)));

    @ParameterizedTest
    @CsvSource(
            value = {"y|true", "yes|true", " YES |true", "Y|true", "n|false", "no|false", "yess|false", "|false"},
            delimiter = '|')
    void onlyYesAccepts(String answer, boolean accepted) throws Exception {
        WatchedStream err = new WatchedStream();
        String input = answer == null ? "\n" : answer + "\n";

        boolean result =
                prompt(input, err, false).onOffer(OFFER).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(accepted);
        assertThat(err.text()).startsWith("Receive 1 file (2.0 KiB): notes.txt? [y/N] ");
    }

    @Test
    void endOfInputDeclines() throws Exception {
        String input = "";
        WatchedStream err = new WatchedStream();

        assertThat(prompt(input, err, false)
                        .onOffer(OFFER)
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS))
                .isFalse();
        assertThat(err.text()).endsWith("[y/N] " + System.lineSeparator());
    }

    @Test
    void yesAcceptsWithoutReadingAndSaysWhatComes() throws Exception {
        String input = "n\n";
        WatchedStream err = new WatchedStream();

        assertThat(prompt(input, err, true).onOffer(OFFER).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isTrue();
        assertThat(err.text()).isEqualTo("Receiving 1 file (2.0 KiB): notes.txt" + System.lineSeparator());
    }

    private static OfferPrompt prompt(String input, WatchedStream err, boolean yes) {
        return new OfferPrompt(TestEnvironment.of(input, err), yes);
    }
}
