package dev.p2pcopy.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * How a transfer rides out a lost connection: both sides reconnect by themselves with an
 * exponential backoff, meet again in the same room, redo the key exchange and continue from
 * the bytes the receiver has verified. Also how long a silent connection is trusted: one that
 * hears nothing (not even the relay's pings) for {@code silenceLimit} is treated as lost, so a
 * peer that vanished without closing its socket is noticed in bounded time.
 *
 * @param giveUpAfter how long to keep trying after a loss before failing; zero turns
 *     reconnection off
 * @param firstDelay wait before the first attempt; each further one waits twice as long
 * @param maxDelay the longest wait between two attempts
 * @param silenceLimit how long a connection may stay silent before it counts as lost; we ping
 *     the relay after a third of it
 */
public record ReconnectPolicy(Duration giveUpAfter, Duration firstDelay, Duration maxDelay, Duration silenceLimit) {

    /** Keep trying for two minutes, starting after 250 ms, at most 8 s apart; 30 s of silence is a loss. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(
            Duration.ofMinutes(2), Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(30));

    /** Validates the durations. */
    public ReconnectPolicy {
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(silenceLimit, "silenceLimit");
        if (giveUpAfter.isNegative() || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("reconnect durations must be >= 0 and maxDelay >= firstDelay");
        }
        if (silenceLimit.toMillis() < 300) {
            throw new IllegalArgumentException("silenceLimit must be at least 300 ms");
        }
    }

    /** The default policy, but giving up after {@code giveUpAfter} (zero: never reconnect). */
    public static ReconnectPolicy giveUpAfter(Duration giveUpAfter) {
        return new ReconnectPolicy(giveUpAfter, DEFAULT.firstDelay, DEFAULT.maxDelay, DEFAULT.silenceLimit);
    }

    /** This policy with another silence limit. */
    public ReconnectPolicy withSilenceLimit(Duration limit) {
        return new ReconnectPolicy(giveUpAfter, firstDelay, maxDelay, limit);
    }

    /** Whether a lost connection is retried at all. */
    public boolean enabled() {
        return !giveUpAfter.isZero();
    }

    /** The wait before attempt {@code attempt} (1-based): doubling from {@link #firstDelay}, capped at {@link #maxDelay}. */
    public Duration delayBefore(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
