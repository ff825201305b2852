package dev.p2pcopy.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.SendOptions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    @Test
    void theChunkSizesArePowersOfTwoOverTheProtocolsRange() {
        assertThat(Choices.chunkSizes()).first().isEqualTo(SendOptions.MIN_CHUNK_SIZE);
        assertThat(Choices.chunkSizes()).last().isEqualTo(SendOptions.MAX_CHUNK_SIZE);
        assertThat(Choices.chunkSizes()).hasSize(9).allMatch(size -> Integer.bitCount(size) == 1);
        assertThat(Choices.chunkSizes().stream().map(Choices::chunkSize))
                .containsExactly(
                        "64 KiB",
                        "128 KiB",
                        "256 KiB",
                        "512 KiB",
                        "1 MiB (default)",
                        "2 MiB",
                        "4 MiB",
                        "8 MiB",
                        "16 MiB");
    }

    @Test
    void aChunkSizeSetByHandIsShownAsASize() {
        assertThat(Choices.chunkSize(100_000)).isEqualTo("97.7 KiB");
        assertThat(Choices.chunkSize(3 * 1024 * 1024 / 2)).isEqualTo("1.5 MiB");
    }

    @Test
    void everyConstantHasItsOwnWords() {
        assertThat(Arrays.stream(Compression.values()).map(Choices::compression))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(ConflictPolicy.values()).map(Choices::conflictPolicy))
                .doesNotHaveDuplicates()
                .contains("Keep both (rename the new file)");
        assertThat(Arrays.stream(Theme.values()).map(Choices::theme)).containsExactly("Light", "Dark");
    }

    @Test
    void theConverterShowsNamesAndNothingForNoValue() {
        var converter = Choices.converter(Choices::theme);
        assertThat(converter.toString(Theme.DARK)).isEqualTo("Dark");
        assertThat(converter.toString(null)).isEmpty();
        assertThatThrownBy(() -> converter.fromString("Dark")).isInstanceOf(UnsupportedOperationException.class);
    }
}
