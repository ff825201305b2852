package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void givesItsBurstThenOneTokenPerRefillInterval() {
        TokenBucket bucket = new TokenBucket(3, 60, 0);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND);
        assertThat(bucket.take(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND)).isZero();
        assertThat(bucket.take(SECOND)).isEqualTo(SECOND);
    }

    @Test
    void neverHoldsMoreThanItsBurst() {
        TokenBucket bucket = new TokenBucket(2, 60, 0);
        long anHourLater = 3600 * SECOND;
        assertThat(bucket.take(anHourLater)).isZero();
        assertThat(bucket.take(anHourLater)).isZero();
        assertThat(bucket.take(anHourLater)).isPositive();
    }

    @Test
    void isFullOnceItHasRefilled() {
        TokenBucket bucket = new TokenBucket(2, 60, 0);
        assertThat(bucket.isFull(0)).isTrue();
        bucket.take(0);
        assertThat(bucket.isFull(0)).isFalse();
        assertThat(bucket.isFull(SECOND / 2)).isFalse();
        assertThat(bucket.isFull(SECOND)).isTrue();
    }

    @Test
    void ignoresAClockThatSeemsToGoBack() {
        TokenBucket bucket = new TokenBucket(1, 60, 10 * SECOND);
        assertThat(bucket.take(10 * SECOND)).isZero();
        assertThat(bucket.take(9 * SECOND)).isEqualTo(SECOND);
    }
}
