package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"0, PT0S", "0s, PT0S", "90s, PT1M30S", "2m, PT2M", "2M, PT2M", "1h, PT1H", " 5m , PT5M"})
    void readsZeroAndWholeNumbersWithAUnit(String text, Duration expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "90", "-1m", "1.5m", "2 min", "1d", "m", "9999999999s", "PT2M"})
    void refusesAnythingElseInOneSentence(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage(
                        "'" + text + "' is not a duration; give 0 or a whole number with s, m or h, e.g. 90s, 2m, 1h.");
    }
}
