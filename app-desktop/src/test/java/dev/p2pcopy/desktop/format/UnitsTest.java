package dev.p2pcopy.desktop.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizesUseBinaryUnits() {
        assertThat(Units.size(0)).isEqualTo("0 B");
        assertThat(Units.size(1023)).isEqualTo("1023 B");
        assertThat(Units.size(1536)).isEqualTo("1.5 KiB");
        assertThat(Units.size(420L << 20)).isEqualTo("420 MiB");
        assertThat(Units.size((long) (1.2 * (1L << 30)))).isEqualTo("1.2 GiB");
        assertThat(Units.size(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void ratesUseDecimalUnits() {
        assertThat(Units.rate(0)).isEqualTo("0 B/s");
        assertThat(Units.rate(950)).isEqualTo("950 B/s");
        assertThat(Units.rate(301e6)).isEqualTo("301 MB/s");
        assertThat(Units.rate(1.2e9)).isEqualTo("1.2 GB/s");
    }

    @Test
    void durationsAreShort() {
        assertThat(Units.elapsed(Duration.ofMillis(4100))).isEqualTo("4.1 s");
        assertThat(Units.elapsed(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(Units.whole(Duration.ofMillis(1600))).isEqualTo("2 s");
        assertThat(Units.whole(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
    }

    @Test
    void filesAreCountedInWords() {
        assertThat(Units.files(1)).isEqualTo("1 file");
        assertThat(Units.files(3)).isEqualTo("3 files");
    }
}
