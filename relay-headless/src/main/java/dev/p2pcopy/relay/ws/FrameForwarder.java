package dev.p2pcopy.relay.ws;

import dev.p2pcopy.relay.room.Peer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards a peer's binary frames to its partner unchanged, with backpressure: while the partner's connection is
 * not writable, this peer's connection is not read.
 *
 * <p>Text frames are the relay's own notices and are ignored when a peer sends them; binary frames that arrive
 * while the peer is unpaired are discarded. A fragmented message goes wholly to the partner that was there when it
 * began, or is wholly discarded.
 */
public final class FrameForwarder extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameForwarder.class);

    private final TrafficMeter meter;
    /** Where the frames of the binary message in progress go; null discards them. */
    private Peer messageTarget;

    private boolean inTextMessage;
    private long discardedFrames;

    /** @param meter writes the frames and counts their bytes */
    public FrameForwarder(TrafficMeter meter) {
        this.meter = meter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Peer self = Peer.of(ctx.channel());
        if (msg instanceof BinaryWebSocketFrame binary) {
            inTextMessage = false;
            messageTarget = self == null ? null : self.partner();
            route(self, binary);
        } else if (msg instanceof TextWebSocketFrame text) {
            inTextMessage = !text.isFinalFragment();
            text.release();
        } else if (msg instanceof ContinuationWebSocketFrame continuation) {
            if (inTextMessage) {
                inTextMessage = !continuation.isFinalFragment();
                continuation.release();
            } else {
                route(self, continuation);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void route(Peer self, WebSocketFrame frame) {
        Peer target = messageTarget;
        if (target == null || self.partner() != target) {
            discardedFrames++;
            frame.release();
            return;
        }
        int size = frame.content().readableBytes();
        // Counted before the write: the partner's event loop may deliver the frame, and the relay be told to
        // shut down and report the room, before this thread runs again.
        self.countForwarded(size);
        meter.forward(frame, target.channel());
        // A partner that is closing never becomes writable again: pausing for it would stall this peer for good.
        if (!target.channel().isWritable() && target.channel().isActive()) {
            self.pauseReading();
            // The partner may have drained between the check and the pause; its writability event came too early
            // to resume us then.
            if (target.channel().isWritable()) {
                self.resumeReading();
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Peer self = Peer.of(ctx.channel());
        Peer partner = self == null ? null : self.partner();
        if (partner != null && ctx.channel().isWritable()) {
            partner.resumeReading();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (discardedFrames > 0) {
            LOG.debug("{} closed; {} frames sent while unpaired were discarded", ctx.channel(), discardedFrames);
        }
        ctx.fireChannelInactive();
    }
}
