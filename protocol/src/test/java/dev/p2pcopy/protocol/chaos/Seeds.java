package dev.p2pcopy.protocol.chaos;

/**
 * Seeds derived from a run's seed. {@link java.util.Random}s seeded with nearby numbers start
 * with nearly the same draws, so derived seeds go through a mixing function first.
 */
final class Seeds {
    private Seeds() {}

    /** A well-spread seed for item {@code part} of a run seeded with {@code seed}. */
    static long derive(long seed, long part) {
        long z = seed + (part + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
