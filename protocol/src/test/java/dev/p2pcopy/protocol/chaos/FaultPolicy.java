package dev.p2pcopy.protocol.chaos;

import java.util.Random;

/** Decides, per accepted connection, which {@link Faults} it gets. */
@FunctionalInterface
interface FaultPolicy {

    /** Forwards everything unharmed. */
    FaultPolicy NONE = (link, random) -> Faults.NONE;

    /**
     * The faults of a new connection. Called once per connection, one call at a time.
     *
     * @param link what the proxy knows about the connection and about faults so far
     * @param random seeded from the proxy's seed and the connection's room, role and attempt, so
     *     the same connection of the same transfer gets the same draws in every run
     */
    Faults plan(LinkInfo link, Random random);

    /**
     * What the proxy knows about a connection when it plans its faults.
     *
     * @param index the connection's number, from 0 in the order the proxy accepted them
     * @param room the relay room from the WebSocket upgrade's path, or empty
     * @param role the {@code role} query parameter of the upgrade, or empty
     * @param attempt how many earlier connections had the same room and role
     * @param roomFaults cuts and stalls planned so far for connections to the same room
     * @param totalFaults cuts and stalls planned so far for all connections
     */
    record LinkInfo(int index, String room, String role, int attempt, int roomFaults, int totalFaults) {}
}
