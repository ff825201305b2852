package dev.p2pcopy.relay.limit;

/**
 * A token bucket: holds up to {@code capacity} tokens, gains {@code perMinute} tokens a minute, and every admitted
 * action takes one. Time comes from the caller (nanoseconds of {@link System#nanoTime()}), so it is testable.
 *
 * <p>Not thread-safe: its owner locks around it.
 */
final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedNanos;

    /**
     * @param capacity the burst: tokens the bucket holds when full, which it starts with
     * @param perMinute tokens it gains per minute
     * @param nowNanos the current time
     */
    TokenBucket(int capacity, int perMinute, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /**
     * Takes a token if there is one.
     *
     * @param nowNanos the current time
     * @return 0 if a token was taken, else the nanoseconds until the next token (at least 1)
     */
    long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /**
     * Whether the bucket has refilled completely: then it is no different from a new one and can be forgotten.
     *
     * @param nowNanos the current time
     * @return true if the bucket is full
     */
    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedNanos = nowNanos;
        }
    }
}
