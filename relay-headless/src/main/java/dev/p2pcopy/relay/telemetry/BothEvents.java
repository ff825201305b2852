package dev.p2pcopy.relay.telemetry;

import java.time.Duration;

/** Passes every event to the audit log, then to the metrics. */
record BothEvents(RelayEvents first, RelayEvents second) implements RelayEvents {

    @Override
    public void connectionOpened(String client) {
        first.connectionOpened(client);
        second.connectionOpened(client);
    }

    @Override
    public void connectionClosed(String client) {
        first.connectionClosed(client);
        second.connectionClosed(client);
    }

    @Override
    public void refused(String client, String reason, String roomId) {
        first.refused(client, reason, roomId);
        second.refused(client, reason, roomId);
    }

    @Override
    public void roomOpened(String roomId, String client, String role) {
        first.roomOpened(roomId, client, role);
        second.roomOpened(roomId, client, role);
    }

    @Override
    public void paired(String roomId, String client, Duration waited) {
        first.paired(roomId, client, waited);
        second.paired(roomId, client, waited);
    }

    @Override
    public void peerDropped(String roomId, String client, String role, String reason) {
        first.peerDropped(roomId, client, role, reason);
        second.peerDropped(roomId, client, role, reason);
    }

    @Override
    public void roomClosed(
            String roomId, long bytesSendToReceive, long bytesReceiveToSend, Duration lifetime, String reason) {
        first.roomClosed(roomId, bytesSendToReceive, bytesReceiveToSend, lifetime, reason);
        second.roomClosed(roomId, bytesSendToReceive, bytesReceiveToSend, lifetime, reason);
    }

    @Override
    public void roomCounts(int waiting, int paired) {
        first.roomCounts(waiting, paired);
        second.roomCounts(waiting, paired);
    }

    @Override
    public void forwarded(long bytes) {
        first.forwarded(bytes);
        second.forwarded(bytes);
    }
}
