package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    private static final IpKey A = new IpKey(1, false);
    private static final IpKey B = new IpKey(2, false);

    private final AtomicLong now = new AtomicLong();

    @Test
    void holdsEachAddressToItsOpenConnections() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 100, 60, 1000, now::get);
        assertThat(limiter.admit(A)).isNull();
        assertThat(limiter.admit(A)).isNull();
        Refusal third = limiter.admit(A);
        assertThat(third.reason()).isEqualTo("per-ip-connections");
        assertThat(third.status()).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
        assertThat(third.sentence())
                .isEqualTo("Your address already has 2 connections open to this relay; try again when one has"
                        + " closed.");
        assertThat(limiter.admit(B)).as("another address").isNull();

        limiter.release(A);
        assertThat(limiter.admit(A)).isNull();
    }

    @Test
    void holdsEachAddressToItsConnectionRate() {
        ConnectionLimiter limiter = new ConnectionLimiter(100, 3, 6, 1000, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(A)).isNull();
            limiter.release(A);
        }
        Refusal fourth = limiter.admit(A);
        assertThat(fourth.reason()).isEqualTo("connection-rate");
        assertThat(fourth.retryAfterSeconds()).isEqualTo(10);
        assertThat(fourth.sentence())
                .isEqualTo("Your address opened too many connections to this relay; try again in 10 seconds.");
        assertThat(limiter.admit(B)).as("another address").isNull();

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(limiter.admit(A)).isNull();
    }

    @Test
    void aConnectionRefusedForItsCountTakesNoToken() {
        ConnectionLimiter limiter = new ConnectionLimiter(1, 2, 1, 1000, now::get);
        assertThat(limiter.admit(A)).isNull();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit(A).reason()).isEqualTo("per-ip-connections");
        }
        limiter.release(A);
        assertThat(limiter.admit(A)).as("the second token is still there").isNull();
    }

    @Test
    void forgetsAddressesWithoutConnections() {
        ConnectionLimiter limiter = new ConnectionLimiter(5, 5, 60, 3, now::get);
        for (int i = 0; i < 100; i++) {
            IpKey key = new IpKey(i, true);
            assertThat(limiter.admit(key)).isNull();
            limiter.release(key);
        }
        limiter.release(A); // never admitted: nothing to give back
        assertThat(limiter.addressesWithConnections()).isZero();
        assertThat(limiter.trackedRates()).isEqualTo(3);
    }
}
