package dev.p2pcopy.relay.limit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The per-address connection limits: how many connections one {@link IpKey} holds open at once, and how fast it
 * opens new ones (a {@link TokenBucket}). Thread-safe; every event loop admits through the same limiter.
 *
 * <p>Memory stays bounded: open counts exist only while connections are open, and the rate buckets live in a
 * {@link BucketTable} of at most {@code maxTrackedAddresses} entries.
 */
final class ConnectionLimiter {

    private final int maxPerAddress;
    private final BucketTable<IpKey> rates;
    private final Map<IpKey, Integer> open = new HashMap<>();
    private final LongSupplier clock;

    /**
     * @param maxPerAddress connections one address may hold open at once
     * @param burst connections one address may open in a burst
     * @param perMinute connections one address may open per minute after its burst
     * @param maxTrackedAddresses the most rate buckets kept
     * @param clock the current time in nanoseconds
     */
    ConnectionLimiter(int maxPerAddress, int burst, int perMinute, int maxTrackedAddresses, LongSupplier clock) {
        this.maxPerAddress = maxPerAddress;
        this.rates = new BucketTable<>(burst, perMinute, maxTrackedAddresses, clock.getAsLong());
        this.clock = clock;
    }

    /**
     * Lets a new connection from {@code key} in, or says why not. An admitted connection must be {@link
     * #release(IpKey) released} when it closes. A connection refused for the open count takes no token.
     *
     * @param key the client's address key
     * @return null if admitted, else the refusal
     */
    synchronized Refusal admit(IpKey key) {
        int count = open.getOrDefault(key, 0);
        if (count >= maxPerAddress) {
            return Refusal.perIpConnections(maxPerAddress);
        }
        long wait = rates.take(key, clock.getAsLong());
        if (wait > 0) {
            return Refusal.connectionRate(wait);
        }
        open.put(key, count + 1);
        return null;
    }

    /**
     * Counts an admitted connection as closed.
     *
     * @param key the key it was admitted under
     */
    synchronized void release(IpKey key) {
        open.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** @return how many addresses have connections open */
    synchronized int addressesWithConnections() {
        return open.size();
    }

    /** @return how many rate buckets are kept */
    int trackedRates() {
        return rates.size();
    }
}
