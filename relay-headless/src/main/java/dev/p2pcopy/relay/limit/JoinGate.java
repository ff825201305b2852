package dev.p2pcopy.relay.limit;

import dev.p2pcopy.relay.http.RoomTicket;
import dev.p2pcopy.relay.telemetry.RelayEvents;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Counts a join of a room before the WebSocket upgrade and answers 429 past the joins per room per minute. Sits
 * right after the request gate, so it sees only valid room requests, which carry their {@link RoomTicket};
 * leaves the pipeline after the first one.
 */
@Sharable
final class JoinGate extends ChannelInboundHandlerAdapter {

    private final JoinRateLimiter joins;
    private final RelayEvents events;

    JoinGate(JoinRateLimiter joins, RelayEvents events) {
        this.joins = joins;
        this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.pipeline().remove(this);
        String roomId = RoomTicket.of(ctx.channel()).roomId();
        Refusal refusal = joins.admit(roomId);
        if (refusal != null) {
            events.refused(ClientAddress.of(ctx.channel()), refusal.reason(), roomId);
            ReferenceCountUtil.release(msg);
            refusal.answer(ctx);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
