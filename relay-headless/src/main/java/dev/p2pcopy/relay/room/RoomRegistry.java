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
 * <p>One lock guards every room: joins and leaves are rare next to forwarded frames, which never take it. Room
 * events are reported under that lock, so they arrive in the order things happened.
 */
public final class RoomRegistry {

    /** Audit reason key when the room limit turns a peer away. */
    static final String REASON_MAX_ROOMS = "max-rooms";

    private final Map<String, Room> rooms = new HashMap<>();
    private final int maxRooms;
    private final Duration waitTimeout;
    private final Duration gracePeriod;
    private final RelayEvents events;
    private int pairedRooms;
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
            refuse(peer, roomId, RelayContract.CLOSE_GOING_AWAY, "relay shutting down", "shutdown");
            return;
        }
        Room room = rooms.get(roomId);
        boolean opened = room == null;
        if (opened) {
            if (rooms.size() >= maxRooms) {
                refuse(
                        peer,
                        roomId,
                        RelayContract.CLOSE_RELAY_FULL,
                        "the relay is full (" + maxRooms + " rooms open); try again later",
                        REASON_MAX_ROOMS);
                return;
            }
            room = new Room(roomId, this);
            rooms.put(roomId, room);
            events.roomOpened(roomId, peer.client(), peer.role().wireName());
        }
        boolean wasPaired = room.isPaired();
        if (!room.join(peer)) {
            refuse(
                    peer,
                    roomId,
                    RelayContract.CLOSE_ROLE_TAKEN,
                    peer.role().description() + " is already in this room",
                    "role-taken");
            return;
        }
        roomsChanged(room, wasPaired);
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
        boolean wasPaired = room.isPaired();
        room.leave(peer, !shuttingDown);
        removeIfEmpty(room);
        roomsChanged(room, wasPaired);
    }

    /**
     * Counts rooms by state.
     *
     * @return the counts at this moment
     */
    public synchronized RoomCounts counts() {
        return new RoomCounts(rooms.size() - pairedRooms, pairedRooms);
    }

    /**
     * Refuses new peers from now on, stops every room timer and reports every room as closed; the caller closes
     * the connections.
     */
    public synchronized void shutdown() {
        shuttingDown = true;
        for (Room room : rooms.values()) {
            room.cancelTimer();
            room.reportClosed("shutdown");
        }
    }

    /** @return where room events and forwarded bytes are reported */
    public RelayEvents events() {
        return events;
    }

    synchronized void expire(Room room, Peer peer, Object token, String reason, String reasonKey) {
        boolean wasPaired = room.isPaired();
        if (room.expire(peer, token, reasonKey)) {
            removeIfEmpty(room);
            roomsChanged(room, wasPaired);
            peer.close(RelayContract.CLOSE_TIMEOUT, reason, reasonKey);
        }
    }

    Duration waitTimeout() {
        return waitTimeout;
    }

    Duration gracePeriod() {
        return gracePeriod;
    }

    private void refuse(Peer peer, String roomId, int code, String reason, String reasonKey) {
        events.refused(peer.client(), reasonKey, roomId);
        peer.close(code, reason, reasonKey);
    }

    private void removeIfEmpty(Room room) {
        if (room.isEmpty()) {
            rooms.remove(room.id());
            // During shutdown every room was already reported closed.
            if (!shuttingDown) {
                room.reportClosed(null);
            }
        }
    }

    private void roomsChanged(Room room, boolean wasPaired) {
        pairedRooms += (room.isPaired() ? 1 : 0) - (wasPaired ? 1 : 0);
        events.roomCounts(rooms.size() - pairedRooms, pairedRooms);
    }
}
