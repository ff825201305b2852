package dev.p2pcopy.relay.limit;

import dev.p2pcopy.relay.http.RoomTicket;
import dev.p2pcopy.relay.telemetry.RelayEvents;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Reports a frame over the maximum frame size as a refusal ({@code frame-too-large}) and passes the error on to
 * whoever closes the connection with 1009. Sits right behind the HTTP codec, where the WebSocket decoder ends up.
 */
@Sharable
final class FrameLimitReporter extends ChannelInboundHandlerAdapter {

    private final RelayEvents events;

    FrameLimitReporter(RelayEvents events) {
        this.events = events;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException broken
                && broken.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            events.refused(
                    ClientAddress.of(ctx.channel()),
                    Refusal.FRAME_TOO_LARGE,
                    RoomTicket.of(ctx.channel()).roomId());
        }
        ctx.fireExceptionCaught(cause);
    }
}
