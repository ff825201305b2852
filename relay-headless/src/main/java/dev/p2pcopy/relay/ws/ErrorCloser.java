package dev.p2pcopy.relay.ws;

import dev.p2pcopy.relay.room.Peer;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a connection after an error, so that a peer never hangs: a broken frame closes the WebSocket with the
 * matching close code (1009 for a frame over the limit, 1002 for a protocol error), anything else closes the
 * connection.
 */
@Sharable
public final class ErrorCloser extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorCloser.class);

    private final int maxFrameBytes;

    /** @param maxFrameBytes the frame limit, for the 1009 close reason */
    public ErrorCloser(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Peer peer = Peer.of(ctx.channel());
        if (peer != null && cause instanceof CorruptedWebSocketFrameException broken) {
            LOG.debug("{} sent a broken frame: {}", peer, broken.getMessage());
            peer.close(broken.closeStatus().code(), reason(broken));
        } else {
            LOG.debug("{} failed, closing it", ctx.channel(), cause);
            ctx.close();
        }
    }

    private String reason(CorruptedWebSocketFrameException broken) {
        if (broken.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            return "frames may carry at most " + maxFrameBytes + " bytes";
        }
        return "the frame broke the WebSocket protocol";
    }
}
