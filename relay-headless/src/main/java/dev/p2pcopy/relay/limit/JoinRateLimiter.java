package dev.p2pcopy.relay.limit;

import java.util.function.LongSupplier;

/**
 * Joins per room per minute, a {@link TokenBucket} per room. Every join is one online guess at the words of a
 * code whose nameplate names the room, so this bounds how fast anyone can guess. Thread-safe, bounded memory.
 */
final class JoinRateLimiter {

    private final int perMinute;
    private final BucketTable<Long> rooms;
    private final LongSupplier clock;

    /**
     * @param perMinute joins one room accepts per minute, and in a burst
     * @param maxTrackedRooms the most rooms whose joins are remembered at once
     * @param clock the current time in nanoseconds
     */
    JoinRateLimiter(int perMinute, int maxTrackedRooms, LongSupplier clock) {
        this.perMinute = perMinute;
        this.rooms = new BucketTable<>(perMinute, perMinute, maxTrackedRooms, clock.getAsLong());
        this.clock = clock;
    }

    /**
     * Counts a join of the room, or says why not.
     *
     * @param roomId a valid room id (64 lowercase hex characters)
     * @return null if the join may proceed, else the refusal
     */
    Refusal admit(String roomId) {
        // 64 bits of a random 256-bit id tell rooms apart as well as the whole id, in an eighth of the memory.
        long key = Long.parseUnsignedLong(roomId.substring(0, 16), 16);
        long wait = rooms.take(key, clock.getAsLong());
        return wait == 0 ? null : Refusal.joinRate(perMinute, wait);
    }
}
