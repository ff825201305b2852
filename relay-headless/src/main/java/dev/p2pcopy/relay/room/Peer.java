package dev.p2pcopy.relay.room;

import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.limit.ClientAddress;
import dev.p2pcopy.relay.telemetry.RelayEvents;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One connected WebSocket peer and the few things the relay does to it: notices, pausing reads, closing.
 *
 * <p>Safe to use from any thread; Netty runs the writes on the peer's own event loop.
 */
public final class Peer {

    /** How long the relay waits for the peer to answer its close frame before it drops the connection. */
    private static final long CLOSE_REPLY_TIMEOUT_MILLIS = 2000;

    private static final AttributeKey<Peer> KEY = AttributeKey.valueOf(Peer.class, "peer");

    private final Channel channel;
    private final Role role;
    private final String client;
    private final RelayEvents events;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Bytes forwarded from this peer; added to on its own event loop, read when it leaves its room. */
    private final LongAdder forwarded = new LongAdder();
    /** Why the relay closed this peer, for the audit log; null while the relay has not closed it. */
    private volatile String closeReason;

    private volatile Peer partner;
    /** The room this peer belongs to; guarded by the {@link RoomRegistry}'s lock. */
    Room room;

    /**
     * Wraps a channel whose WebSocket handshake has completed and attaches the peer to it.
     *
     * @param channel the peer's connection
     * @param role the role the peer asked for
     * @param events where forwarded bytes are reported
     */
    public Peer(Channel channel, Role role, RelayEvents events) {
        this.channel = channel;
        this.role = role;
        this.client = ClientAddress.of(channel);
        this.events = events;
        channel.attr(KEY).set(this);
    }

    /**
     * Finds the peer attached to a channel.
     *
     * @param channel a connection
     * @return its peer, or {@code null} while the connection is still plain HTTP
     */
    public static Peer of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /** @return the peer's connection */
    public Channel channel() {
        return channel;
    }

    /** @return the role the peer holds */
    public Role role() {
        return role;
    }

    /** @return the client's address as the limits count it, for the audit log */
    public String client() {
        return client;
    }

    /** @return the peer this one is paired with, or {@code null} while it waits */
    public Peer partner() {
        return partner;
    }

    void partner(Peer partner) {
        this.partner = partner;
    }

    /**
     * Sends a notice such as {@code {"event":"paired"}} as a text frame.
     *
     * @param json the notice
     */
    public void notice(String json) {
        channel.writeAndFlush(new TextWebSocketFrame(json));
    }

    /**
     * Counts a frame from this peer that was handed to its partner.
     *
     * @param bytes the frame's payload size
     */
    public void countForwarded(int bytes) {
        forwarded.add(bytes);
        events.forwarded(bytes);
    }

    /** @return bytes forwarded from this peer to its partners so far */
    long bytesForwarded() {
        return forwarded.sum();
    }

    /** @return the audit reason key of the relay's close, or null if the relay did not close this peer */
    String closeReason() {
        return closeReason;
    }

    /** Stops reading from this peer, because the peer it forwards to cannot take more yet. */
    public void pauseReading() {
        if (!closing.get()) { // a closing peer keeps reading, to see the close reply
            channel.config().setAutoRead(false);
        }
    }

    /** Reads from this peer again. */
    public void resumeReading() {
        channel.config().setAutoRead(true);
    }

    /**
     * Starts the WebSocket close handshake; the connection ends when the peer answers or after a short
     * timeout. Later calls do nothing.
     *
     * @param code the close code, e.g. {@code 4408}
     * @param reason one sentence for the person behind the peer
     */
    public void close(int code, String reason) {
        close(code, reason, reasonKey(code));
    }

    /**
     * Like {@link #close(int, String)}, with the reason key the audit log shows when the code alone does not tell,
     * e.g. {@code idle-timeout} for a 4408.
     *
     * @param code the close code
     * @param reason one sentence for the person behind the peer
     * @param reasonKey a short stable key, e.g. {@code wait-timeout}
     */
    public void close(int code, String reason, String reasonKey) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeReason = reasonKey;
        // Keep reading: the peer's close reply ends the connection, and unread bytes would turn our FIN into
        // a reset that can swallow the close frame.
        resumeReading();
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        // A peer that does not answer, or does not even read, is dropped after a while.
        ScheduledFuture<?> drop =
                channel.eventLoop().schedule(() -> channel.close(), CLOSE_REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> drop.cancel(false));
    }

    private static String reasonKey(int code) {
        return switch (code) {
            case RelayContract.CLOSE_GOING_AWAY -> "shutdown";
            case 1009 -> "frame-too-large";
            case 1002 -> "protocol-error";
            default -> "closed-" + code;
        };
    }

    @Override
    public String toString() {
        return role.wireName() + " " + channel.remoteAddress();
    }
}
