package dev.p2pcopy.relay.ws;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes forwarded frames to their target and keeps the relay-wide byte counts: bytes forwarded, bytes handed to
 * a connection but not yet on its socket, and the peak of the latter.
 */
public final class TrafficMeter {

    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong peakBuffered = new AtomicLong();

    /**
     * Hands a frame to another peer's connection, unchanged; the connection releases it once written.
     *
     * @param frame a frame read from one peer
     * @param target the other peer's connection
     */
    public void forward(WebSocketFrame frame, Channel target) {
        int size = frame.content().readableBytes();
        long nowBuffered = buffered.addAndGet(size);
        peakBuffered.accumulateAndGet(nowBuffered, Math::max);
        target.writeAndFlush(frame).addListener(written -> {
            buffered.addAndGet(-size);
            if (written.isSuccess()) {
                forwarded.addAndGet(size);
            }
        });
    }

    /** @return payload bytes written to peers' sockets so far */
    public long bytesForwarded() {
        return forwarded.get();
    }

    /** @return payload bytes handed to connections but not yet written to their sockets */
    public long bufferedBytes() {
        return buffered.get();
    }

    /** @return the largest {@link #bufferedBytes()} seen so far */
    public long peakBufferedBytes() {
        return peakBuffered.get();
    }
}
