package dev.p2pcopy.protocol.chaos;

import java.time.Duration;
import java.util.Random;
import java.util.function.Function;

/**
 * A {@link FaultPolicy} with knobs: each connection is cut with one probability, else stalled
 * with another, at an offset drawn from a byte range; optionally every connection is throttled;
 * faults stop once a room or the whole run has had its share. Start from {@link #cuts(double)}
 * and adjust with the {@code with...} methods.
 *
 * @param cutProbability chance that a connection is cut
 * @param abortiveShare share of the cuts that are resets rather than clean FINs
 * @param stallProbability chance that a connection that is not cut stalls
 * @param stallDuration how long a stall lasts, or null for ever
 * @param range where in a connection's bytes the fault falls
 * @param direction which bytes the offset counts
 * @param bytesPerSecond rate cap on every connection, or 0
 * @param maxPerRoom cuts and stalls at most per room (one transfer)
 * @param maxTotal cuts and stalls at most over the proxy's life
 */
record RandomFaults(
        double cutProbability,
        double abortiveShare,
        double stallProbability,
        Duration stallDuration,
        Function<FaultPolicy.LinkInfo, ByteRange> range,
        Function<FaultPolicy.LinkInfo, Direction> direction,
        long bytesPerSecond,
        int maxPerRoom,
        int maxTotal)
        implements FaultPolicy {

    /** An inclusive range of byte offsets. */
    record ByteRange(long min, long max) {
        /** Checks the bounds. */
        ByteRange {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("need 0 <= min <= max, not " + min + ".." + max);
            }
        }

        /** A uniformly drawn offset. */
        long pick(Random random) {
            return min + (long) (random.nextDouble() * (max - min + 1));
        }
    }

    /** Cuts (resets) with {@code probability} anywhere in the first MiB, counting both directions; no limits. */
    static RandomFaults cuts(double probability) {
        ByteRange firstMiB = new ByteRange(0, 1 << 20);
        return new RandomFaults(
                probability, 1.0, 0, null, l -> firstMiB, l -> Direction.BOTH, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Draws offsets from {@code range}. */
    RandomFaults withRange(long min, long max) {
        ByteRange fixed = new ByteRange(min, max);
        return withRange(l -> fixed);
    }

    /** Draws offsets from a range that depends on the connection (e.g. on its transfer's size). */
    RandomFaults withRange(Function<FaultPolicy.LinkInfo, ByteRange> range) {
        return new RandomFaults(
                cutProbability,
                abortiveShare,
                stallProbability,
                stallDuration,
                range,
                direction,
                bytesPerSecond,
                maxPerRoom,
                maxTotal);
    }

    /** Counts offsets in a direction that depends on the connection (e.g. its role). */
    RandomFaults withDirection(Function<FaultPolicy.LinkInfo, Direction> direction) {
        return new RandomFaults(
                cutProbability,
                abortiveShare,
                stallProbability,
                stallDuration,
                range,
                direction,
                bytesPerSecond,
                maxPerRoom,
                maxTotal);
    }

    /** Makes {@code share} of the cuts resets and the rest clean FINs. */
    RandomFaults withAbortiveShare(double share) {
        return new RandomFaults(
                cutProbability,
                share,
                stallProbability,
                stallDuration,
                range,
                direction,
                bytesPerSecond,
                maxPerRoom,
                maxTotal);
    }

    /** Stalls a connection that is not cut with {@code probability}, for {@code duration} (null: for ever). */
    RandomFaults withStalls(double probability, Duration duration) {
        return new RandomFaults(
                cutProbability,
                abortiveShare,
                probability,
                duration,
                range,
                direction,
                bytesPerSecond,
                maxPerRoom,
                maxTotal);
    }

    /** Caps every connection at {@code bytesPerSecond} per direction. */
    RandomFaults withThrottle(long bytesPerSecond) {
        return new RandomFaults(
                cutProbability,
                abortiveShare,
                stallProbability,
                stallDuration,
                range,
                direction,
                bytesPerSecond,
                maxPerRoom,
                maxTotal);
    }

    /** Stops faulting a room after {@code perRoom} faults, and everything after {@code total}. */
    RandomFaults withLimits(int perRoom, int total) {
        return new RandomFaults(
                cutProbability,
                abortiveShare,
                stallProbability,
                stallDuration,
                range,
                direction,
                bytesPerSecond,
                perRoom,
                total);
    }

    @Override
    public Faults plan(FaultPolicy.LinkInfo link, Random random) {
        // Always the same draws in the same order, so a connection's plan depends on its seed alone.
        double cutDraw = random.nextDouble();
        double abortiveDraw = random.nextDouble();
        double stallDraw = random.nextDouble();
        long offset = range.apply(link).pick(random);
        Faults faults = Faults.NONE;
        if (link.roomFaults() < maxPerRoom && link.totalFaults() < maxTotal) {
            Direction dir = direction.apply(link);
            if (cutDraw < cutProbability) {
                faults = new Faults(new Faults.Cut(dir, offset, abortiveDraw < abortiveShare), null, 0);
            } else if (stallDraw < stallProbability) {
                faults = Faults.stall(dir, offset, stallDuration);
            }
        }
        return bytesPerSecond > 0 ? faults.withThrottle(bytesPerSecond) : faults;
    }
}
