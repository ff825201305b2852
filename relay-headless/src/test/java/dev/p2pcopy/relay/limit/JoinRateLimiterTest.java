package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JoinRateLimiterTest {

    private static final String ROOM = "a".repeat(64);
    private static final String OTHER_ROOM = "b".repeat(64);

    @Test
    void refusesTheJoinAfterTheLimitWithinAMinute() {
        AtomicLong now = new AtomicLong();
        JoinRateLimiter joins = new JoinRateLimiter(10, 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(joins.admit(ROOM)).as("join %d", i + 1).isNull();
        }
        Refusal eleventh = joins.admit(ROOM);
        assertThat(eleventh.reason()).isEqualTo("join-rate");
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(6);
        assertThat(eleventh.sentence())
                .isEqualTo("This room was joined more than 10 times in a minute; try again in 6 seconds.");
        assertThat(joins.admit(OTHER_ROOM)).as("another room").isNull();

        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(joins.admit(ROOM)).isNull();
        assertThat(joins.admit(ROOM)).isNotNull();
    }
}
