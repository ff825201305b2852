package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ChunkSizeConverterTest {
    private final ChunkSizeConverter converter = new ChunkSizeConverter();

    @ParameterizedTest
    @CsvSource({
        "65536, 65536",
        "64k, 65536",
        "64K, 65536",
        "1m, 1048576",
        "1M, 1048576",
        "16m, 16777216",
        "16384k, 16777216",
        " 2m , 2097152"
    })
    void readsBytesAndKibAndMib(String text, int bytes) {
        assertThat(converter.convert(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"65535", "63k", "17m", "16777217", "0", "1g", "1.5m", "m", "99999999999m"})
    void refusesSizesOutOfRangeOrNotASize(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
    }
}
