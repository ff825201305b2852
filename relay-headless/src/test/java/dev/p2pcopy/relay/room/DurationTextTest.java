package dev.p2pcopy.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void usesTheLargestExactUnit() {
        assertThat(DurationText.of(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(DurationText.of(Duration.ofSeconds(60))).isEqualTo("60 seconds");
        assertThat(DurationText.of(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(DurationText.of(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(DurationText.of(Duration.ofMinutes(2))).isEqualTo("2 minutes");
        assertThat(DurationText.of(Duration.ofHours(1))).isEqualTo("60 minutes");
        assertThat(DurationText.of(Duration.ofHours(3))).isEqualTo("3 hours");
        assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500 milliseconds");
        assertThat(DurationText.of(Duration.ofMillis(1))).isEqualTo("1 millisecond");
    }
}
