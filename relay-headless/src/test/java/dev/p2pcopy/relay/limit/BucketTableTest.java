package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BucketTableTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void keepsOneBucketPerKey() {
        BucketTable<String> table = new BucketTable<>(1, 1, 10, 0);
        assertThat(table.take("a", 0)).isZero();
        assertThat(table.take("a", 0)).isPositive();
        assertThat(table.take("b", 0)).isZero();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void dropsTheLeastRecentlyUsedBucketPastItsBound() {
        BucketTable<Integer> table = new BucketTable<>(1, 1, 3, 0);
        for (int key = 0; key < 1000; key++) {
            table.take(key, 0);
        }
        assertThat(table.size()).isEqualTo(3);
        // Key 0 was forgotten: it gets a fresh bucket. Key 999 was not: it is still empty.
        assertThat(table.take(0, 0)).isZero();
        assertThat(table.take(999, 0)).isPositive();
    }

    @Test
    void sweepsOutBucketsThatHaveRefilled() {
        BucketTable<String> table = new BucketTable<>(2, 2, 10, 0);
        table.take("idle", 0);
        table.take("busy", 0);
        table.take("busy", 0);
        assertThat(table.size()).isEqualTo(2);

        // A minute later "idle" has refilled and goes; "busy" is taken from again after the sweep and stays.
        assertThat(table.take("busy", MINUTE)).isZero();
        assertThat(table.size()).isEqualTo(1);
    }
}
