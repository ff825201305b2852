package dev.p2pcopy.relay.limit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@link TokenBucket} per key, in bounded memory: buckets that have refilled are dropped (they are no different
 * from new ones), and past {@code maxKeys} the least recently used bucket is dropped, so that a flood of distinct
 * keys cannot grow the table. Thread-safe.
 *
 * @param <K> the key, e.g. an {@link IpKey}
 */
final class BucketTable<K> {

    /** How often full buckets are swept out; a sweep walks the whole table. */
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int capacity;
    private final int perMinute;
    private final Map<K, TokenBucket> buckets;
    private long nextSweepNanos;

    /**
     * @param capacity the burst of each bucket
     * @param perMinute the refill rate of each bucket
     * @param maxKeys the most buckets kept at once
     * @param nowNanos the current time
     */
    BucketTable(int capacity, int perMinute, int maxKeys, long nowNanos) {
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, TokenBucket> eldest) {
                return size() > maxKeys;
            }
        };
        this.nextSweepNanos = nowNanos + SWEEP_INTERVAL_NANOS;
    }

    /**
     * Takes a token from the key's bucket.
     *
     * @param key whose bucket
     * @param nowNanos the current time
     * @return 0 if a token was taken, else the nanoseconds until the key's next token
     */
    synchronized long take(K key, long nowNanos) {
        if (nowNanos - nextSweepNanos >= 0) {
            sweep(nowNanos);
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, perMinute, nowNanos))
                .take(nowNanos);
    }

    /** @return how many buckets are kept */
    synchronized int size() {
        return buckets.size();
    }

    private void sweep(long nowNanos) {
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFull(nowNanos)) {
                it.remove();
            }
        }
        nextSweepNanos = nowNanos + SWEEP_INTERVAL_NANOS;
    }
}
