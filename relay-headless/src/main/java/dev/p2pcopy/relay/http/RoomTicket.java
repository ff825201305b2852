package dev.p2pcopy.relay.http;

import dev.p2pcopy.relay.room.Role;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * What a validated room request asked for; it travels on the channel from the HTTP request to the moment the
 * WebSocket handshake completes.
 *
 * @param roomId the 64-character room id
 * @param role the requested role
 */
public record RoomTicket(String roomId, Role role) {

    private static final AttributeKey<RoomTicket> KEY = AttributeKey.valueOf(RoomTicket.class, "ticket");

    /**
     * Reads the ticket that {@link RequestGate} left on a channel.
     *
     * @param channel a connection whose room request was accepted
     * @return the ticket, or {@code null} if the request was never accepted
     */
    public static RoomTicket of(Channel channel) {
        return channel.attr(KEY).get();
    }

    void attachTo(Channel channel) {
        channel.attr(KEY).set(this);
    }
}
