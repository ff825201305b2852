package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThroughputWindowTest {

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final ThroughputWindow window = new ThroughputWindow(now::get);

    @Test
    void averagesTheLastTenSeconds() {
        assertThat(window.bytesPerSecond()).isZero();
        for (int second = 0; second < 10; second++) {
            window.add(1000);
            window.add(500);
            advanceSeconds(1);
        }
        // Ten full seconds ago the first bucket fell out of the window.
        assertThat(window.bytesPerSecond()).isEqualTo(9 * 1500 / 10);
        window.add(2000);
        assertThat(window.bytesPerSecond()).isEqualTo((9 * 1500 + 2000) / 10);
    }

    @Test
    void forgetsTrafficOlderThanTheWindow() {
        window.add(1_000_000);
        assertThat(window.bytesPerSecond()).isEqualTo(100_000);
        advanceSeconds(9);
        assertThat(window.bytesPerSecond()).isEqualTo(100_000);
        advanceSeconds(1);
        assertThat(window.bytesPerSecond()).isZero();
    }

    @Test
    void reusesABucketForANewSecond() {
        window.add(7000);
        advanceSeconds(10);
        window.add(300);
        assertThat(window.bytesPerSecond())
                .as("the old 7000 bytes are gone from the reused bucket")
                .isEqualTo(30);
        advanceSeconds(25);
        assertThat(window.bytesPerSecond()).isZero();
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
