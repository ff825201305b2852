package dev.p2pcopy.relay.telemetry;

import java.time.Duration;

/**
 * What happens on the relay, as the audit log and the metrics see it. Implementations must be cheap and never
 * throw: they run on the event loops. Room ids passed here are full room ids; implementations shorten them.
 */
public interface RelayEvents {

    /** Ignores everything. */
    RelayEvents NONE = new RelayEvents() {};

    /**
     * A TCP connection was accepted and passed the connection limits.
     *
     * @param client the client's address as the limits count it
     */
    default void connectionOpened(String client) {}

    /**
     * A connection that {@link #connectionOpened} reported has closed.
     *
     * @param client the client's address as the limits count it
     */
    default void connectionClosed(String client) {}

    /**
     * The relay turned a client away.
     *
     * @param client the client's address
     * @param reason a short stable reason key, e.g. {@code per-ip-connections}, {@code join-rate}
     * @param roomId the room concerned, or null when the refusal came before a room was named
     */
    default void refused(String client, String reason, String roomId) {}

    /**
     * A peer entered a room that did not exist yet.
     *
     * @param roomId the room
     * @param client the peer's address
     * @param role {@code send} or {@code receive}
     */
    default void roomOpened(String roomId, String client, String role) {}

    /**
     * Both peers are in the room.
     *
     * @param roomId the room
     * @param client the address of the peer that completed the pair
     * @param waited how long the first peer waited
     */
    default void paired(String roomId, String client, Duration waited) {}

    /**
     * One peer left a paired room; the other may wait for it to come back.
     *
     * @param roomId the room
     * @param client the address of the peer that left
     * @param role {@code send} or {@code receive}
     * @param reason why, e.g. {@code closed}, {@code timeout}
     */
    default void peerDropped(String roomId, String client, String role, String reason) {}

    /**
     * The room is gone.
     *
     * @param roomId the room
     * @param bytesSendToReceive bytes forwarded from sender to receiver
     * @param bytesReceiveToSend bytes forwarded from receiver to sender
     * @param lifetime time since the room opened
     * @param reason why it closed, e.g. {@code done}, {@code wait-timeout}, {@code shutdown}
     */
    default void roomClosed(
            String roomId, long bytesSendToReceive, long bytesReceiveToSend, Duration lifetime, String reason) {}

    /**
     * The number of rooms in each state changed. Calls come in the order of the changes, so the latest one is the
     * current state.
     *
     * @param waiting rooms holding one peer
     * @param paired rooms holding a sender and a receiver
     */
    default void roomCounts(int waiting, int paired) {}

    /**
     * The relay handed one frame from a peer to its partner. Called once per frame on the event loop, so it must
     * be cheaper still than the other events.
     *
     * @param bytes the frame's payload size
     */
    default void forwarded(long bytes) {}
}
