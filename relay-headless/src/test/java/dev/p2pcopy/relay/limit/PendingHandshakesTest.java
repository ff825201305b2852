package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingHandshakesTest {

    @Test
    void countsUpToItsMaximum() {
        PendingHandshakes pending = new PendingHandshakes(2);
        assertThat(pending.tryAcquire()).isTrue();
        assertThat(pending.tryAcquire()).isTrue();
        assertThat(pending.tryAcquire()).isFalse();
        assertThat(pending.pending()).isEqualTo(2);
        pending.release();
        assertThat(pending.tryAcquire()).isTrue();
    }
}
