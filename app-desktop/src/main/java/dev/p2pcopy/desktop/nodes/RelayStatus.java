package dev.p2pcopy.desktop.nodes;

/**
 * What one probe of the relay found.
 *
 * @param reachable whether the relay answered like a p2p-copy relay
 * @param problem why it is not reachable, in one sentence; empty when reachable
 * @param latencyMillis how long the request took, connection included; -1 if unknown
 * @param version the relay's version; empty if it did not say
 * @param roomsWaiting rooms with one peer waiting for the other; -1 if unknown
 * @param roomsPaired rooms with both peers; -1 if unknown
 * @param bytesPerSecond bytes the relay forwards per second, averaged over a few seconds; -1 if unknown
 * @param uptimeSeconds how long the relay has been running; -1 if unknown
 */
record RelayStatus(
        boolean reachable,
        String problem,
        long latencyMillis,
        String version,
        long roomsWaiting,
        long roomsPaired,
        long bytesPerSecond,
        long uptimeSeconds) {

    /** A relay that did not answer, or not like a relay. */
    static RelayStatus unreachable(String problem) {
        return new RelayStatus(false, problem, -1, "", -1, -1, -1, -1);
    }

    /** A relay that answers its health check but publishes no statistics. */
    static RelayStatus healthyWithoutStats(long latencyMillis) {
        return new RelayStatus(true, "", latencyMillis, "", -1, -1, -1, -1);
    }

    /** Whether the relay published its statistics. */
    boolean hasStats() {
        return reachable && roomsWaiting >= 0;
    }
}
