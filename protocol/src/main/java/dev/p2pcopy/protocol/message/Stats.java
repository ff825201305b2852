package dev.p2pcopy.protocol.message;

import dev.p2pcopy.protocol.NodeStats;

/**
 * STATS: the sending peer's resource figures, for the other side's node view; informative only.
 * A figure that is not known is exactly -1; every other figure lies in its range. A received
 * STATS outside these bounds is a protocol error like any other malformed message; a peer
 * builds its own with {@link #of}, which turns what its source measured into valid figures.
 *
 * @param cpuLoad whole-system CPU load in [0, 1]
 * @param memoryUsedBytes memory in use, at most {@link #MAX_BYTES}
 * @param memoryTotalBytes physical memory, at most {@link #MAX_BYTES}
 * @param diskFreeBytes free space where the files are read or written, at most {@link #MAX_BYTES}
 * @param netReceiveBytesPerSecond network receive rate, at most {@link #MAX_RATE}
 * @param netSendBytesPerSecond network send rate, at most {@link #MAX_RATE}
 * @param transferBytesPerSecond the transfer's verified rate as the sending peer sees it, at
 *     most {@link #MAX_RATE}
 */
public record Stats(
        double cpuLoad,
        long memoryUsedBytes,
        long memoryTotalBytes,
        long diskFreeBytes,
        double netReceiveBytesPerSecond,
        double netSendBytesPerSecond,
        double transferBytesPerSecond) {

    /** Largest byte count a STATS may carry: 1 EiB. */
    public static final long MAX_BYTES = 1L << 60;
    /** Largest rate a STATS may carry, in bytes per second: 10 TB/s. */
    public static final double MAX_RATE = 1e13;

    private static final int UNKNOWN = -1;

    /** Validates the fields; Jackson calls this for received frames too. */
    public Stats {
        Checks.require(isFigure(cpuLoad, 1), "STATS carries an invalid CPU load.");
        Checks.require(
                isBytes(memoryUsedBytes) && isBytes(memoryTotalBytes) && isBytes(diskFreeBytes),
                "STATS carries an invalid byte count.");
        Checks.require(
                isFigure(netReceiveBytesPerSecond, MAX_RATE)
                        && isFigure(netSendBytesPerSecond, MAX_RATE)
                        && isFigure(transferBytesPerSecond, MAX_RATE),
                "STATS carries an invalid rate.");
    }

    /**
     * The STATS for {@code stats} as measured locally: a negative or non-finite figure becomes
     * unknown, one above its bound is capped, so that a source's glitch never reaches the peer
     * as an invalid message.
     */
    public static Stats of(NodeStats stats) {
        return new Stats(
                clamp(stats.cpuLoad(), 1),
                clamp(stats.memoryUsedBytes()),
                clamp(stats.memoryTotalBytes()),
                clamp(stats.diskFreeBytes()),
                clamp(stats.netReceiveBytesPerSecond(), MAX_RATE),
                clamp(stats.netSendBytesPerSecond(), MAX_RATE),
                clamp(stats.transferBytesPerSecond(), MAX_RATE));
    }

    /** The figures as the public API hands them to a listener. */
    public NodeStats toNodeStats() {
        return new NodeStats(
                cpuLoad,
                memoryUsedBytes,
                memoryTotalBytes,
                diskFreeBytes,
                netReceiveBytesPerSecond,
                netSendBytesPerSecond,
                transferBytesPerSecond);
    }

    private static boolean isFigure(double value, double max) {
        return value == UNKNOWN || (value >= 0 && value <= max); // NaN fails both
    }

    private static boolean isBytes(long value) {
        return value == UNKNOWN || (value >= 0 && value <= MAX_BYTES);
    }

    private static double clamp(double value, double max) {
        return value >= 0 && Double.isFinite(value) ? Math.min(value, max) : UNKNOWN;
    }

    private static long clamp(long value) {
        return value >= 0 ? Math.min(value, MAX_BYTES) : UNKNOWN;
    }
}
