package dev.p2pcopy.protocol;

/**
 * Samples this computer's resource figures for the peer. Given in {@link SendOptions} or {@link
 * ReceiveOptions}, it is called about every two seconds while paired, off the caller's threads;
 * it should answer within a few milliseconds. Without one, no STATS are sent.
 */
@FunctionalInterface
public interface NodeStatsSource {

    /** The current figures; the engine fills in {@link NodeStats#transferBytesPerSecond()}. */
    NodeStats sample();
}
