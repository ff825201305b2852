package dev.p2pcopy.relay.limit;

import dev.p2pcopy.relay.http.RoomTicket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not completed the WebSocket upgrade within the handshake timeout, counted from
 * accept, so that slow or silent clients (slowloris) cannot hold sockets; and counts the handshake as no longer
 * pending once the upgrade is done. One per connection, after the WebSocket protocol handler, whose {@link
 * HandshakeComplete} it waits for.
 */
final class HandshakeGuard extends ChannelInboundHandlerAdapter {

    private final RelayLimits limits;
    private final long timeoutNanos;
    private ScheduledFuture<?> timer;

    HandshakeGuard(RelayLimits limits, long timeoutNanos) {
        this.limits = limits;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Also runs when the connection closes: Netty removes every handler then. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        timer.cancel(false);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        ctx.fireUserEventTriggered(evt);
        if (evt instanceof HandshakeComplete) {
            limits.handshakeDone(ctx.channel());
            ctx.pipeline().remove(this);
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (ctx.channel().isOpen()) {
            RoomTicket ticket = RoomTicket.of(ctx.channel());
            limits.reportTimeout(ctx.channel(), ticket == null ? null : ticket.roomId());
            ctx.close();
        }
    }
}
