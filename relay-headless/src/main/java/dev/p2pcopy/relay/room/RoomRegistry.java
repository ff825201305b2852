package dev.p2pcopy.relay.room;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.telemetry.RelayEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * All open rooms of one relay, keyed by room id, with the room limit.
 *
 * <p>One lock guards every room: joins and leaves are rare next to forwarded frames, which never take it.
 */
public final class RoomRegistry {

    private final Map<String, Room> rooms = new HashMap<>();
    private final int maxRooms;
    private final Duration waitTimeout;
    private final Duration gracePeriod;
    private final RelayEvents events;
    private boolean shuttingDown;

    /**
     * Creates an empty registry.
     *
     * @param config supplies the room limit, the waiting timeout and the grace period
     * @param events where room events are reported
     */
    public RoomRegistry(RelayConfig config, RelayEvents events) {
        this.events = events;
        this.maxRooms = config.maxRooms();
        this.waitTimeout = config.waitTimeout();
        this.gracePeriod = config.gracePeriod();
    }

    /**
     * Puts a peer into its room, creating the room if needed, or closes the peer with the reason it cannot
     * join.
     *
     * @param roomId the room id from the request path
     * @param peer the peer whose handshake just completed
     */
    public synchronized void join(String roomId, Peer peer) {
        if (shuttingDown) {
            peer.close(RelayContract.CLOSE_GOING_AWAY, "relay shutting down");
            return;
        }
        Room room = rooms.get(roomId);
        if (room == null) {
            if (rooms.size() >= maxRooms) {
                peer.close(
                        RelayContract.CLOSE_RELAY_FULL,
                        "the relay is full (" + maxRooms + " rooms open); try again later");
                return;
            }
            room = new Room(roomId, this);
            rooms.put(roomId, room);
        }
        if (!room.join(peer)) {
            peer.close(RelayContract.CLOSE_ROLE_TAKEN, peer.role().description() + " is already in this room");
        }
    }

    /**
     * Takes a disconnected peer out of its room; removes the room once nobody is left in it.
     *
     * @param peer a peer whose connection closed; peers that never joined are ignored
     */
    public synchronized void leave(Peer peer) {
        Room room = peer.room;
        if (room == null) {
            return;
        }
        room.leave(peer, !shuttingDown);
        removeIfEmpty(room);
    }

    /**
     * Counts rooms by state.
     *
     * @return the counts at this moment
     */
    public synchronized RoomCounts counts() {
        int paired = 0;
        for (Room room : rooms.values()) {
            if (room.isPaired()) {
                paired++;
            }
        }
        return new RoomCounts(rooms.size() - paired, paired);
    }

    /** Refuses new peers from now on and stops every room timer; the caller closes the connections. */
    public synchronized void shutdown() {
        shuttingDown = true;
        rooms.values().forEach(Room::cancelTimer);
    }

    synchronized void expire(Room room, Peer peer, Object token, String reason) {
        if (room.expire(peer, token)) {
            removeIfEmpty(room);
            peer.close(RelayContract.CLOSE_TIMEOUT, reason);
        }
    }

    RelayEvents events() {
        return events;
    }

    Duration waitTimeout() {
        return waitTimeout;
    }

    Duration gracePeriod() {
        return gracePeriod;
    }

    private void removeIfEmpty(Room room) {
        if (room.isEmpty()) {
            rooms.remove(room.id());
        }
    }
}
