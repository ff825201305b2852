package dev.p2pcopy.relay.ws;

import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.room.DurationText;
import dev.p2pcopy.relay.room.Peer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pings a peer at a fixed interval and closes a connection that sent nothing at all (pongs included) for the idle
 * timeout, which an {@link io.netty.handler.timeout.IdleStateHandler} at the front of the pipeline measures.
 */
public final class KeepaliveHandler extends ChannelInboundHandlerAdapter {

    private final long pingIntervalNanos;
    private final String idleReason;
    private ScheduledFuture<?> pings;

    /**
     * @param pingInterval time between two pings
     * @param idleTimeout the reader idle time configured on the connection, for the close reason
     */
    public KeepaliveHandler(Duration pingInterval, Duration idleTimeout) {
        this.pingIntervalNanos = pingInterval.toNanos();
        this.idleReason = "nothing was received for " + DurationText.of(idleTimeout);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            closeIdle(ctx);
            return;
        }
        if (evt instanceof HandshakeComplete) {
            pings = ctx.executor()
                    .scheduleAtFixedRate(
                            () -> ctx.writeAndFlush(new PingWebSocketFrame()),
                            pingIntervalNanos,
                            pingIntervalNanos,
                            TimeUnit.NANOSECONDS);
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void closeIdle(ChannelHandlerContext ctx) {
        Peer peer = Peer.of(ctx.channel());
        if (peer == null) {
            ctx.close();
        } else if (ctx.channel().config().isAutoRead()) {
            // When reads are paused, the silence is our own doing (backpressure): the partner is slow, not this peer.
            peer.close(RelayContract.CLOSE_TIMEOUT, idleReason, "idle-timeout");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pings != null) {
            pings.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
