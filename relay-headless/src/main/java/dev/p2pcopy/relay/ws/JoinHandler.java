package dev.p2pcopy.relay.ws;

import dev.p2pcopy.relay.http.RoomTicket;
import dev.p2pcopy.relay.room.Peer;
import dev.p2pcopy.relay.room.RoomRegistry;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/** Puts a peer into its room once the WebSocket handshake completes, and takes it out when it disconnects. */
@Sharable
public final class JoinHandler extends ChannelInboundHandlerAdapter {

    private final RoomRegistry registry;

    /** @param registry the relay's rooms */
    public JoinHandler(RoomRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof HandshakeComplete) {
            RoomTicket ticket = RoomTicket.of(ctx.channel());
            registry.join(ticket.roomId(), new Peer(ctx.channel(), ticket.role(), registry.events()));
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Peer peer = Peer.of(ctx.channel());
        if (peer != null) {
            registry.leave(peer);
        }
        ctx.fireChannelInactive();
    }
}
