package dev.p2pcopy.relay.limit;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.telemetry.RelayEvents;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's protection against floods, one object per relay: per-address connection count and rate, joins per
 * room, pending handshakes and the handshake timeout. Every refusal is reported to {@link RelayEvents#refused}
 * with one of the reason keys in {@link Refusal}; connections that pass are reported opened and closed.
 *
 * <p>Where each limit acts:
 *
 * <ul>
 *   <li>at accept ({@link #accept}), before TLS and HTTP, the relay-wide pending handshakes, and without {@code
 *       --trust-proxy} the per-address limits: a refused connection is simply closed, which costs the relay least;
 *   <li>with {@code --trust-proxy} the per-address limits once the request is read ({@link #clientGate()}), since
 *       only then is the address known: the answer is 429 with {@code Retry-After};
 *   <li>joins per room after the request was checked ({@link #joinGate()}): 429 with {@code Retry-After};
 *   <li>the handshake timeout from accept until the WebSocket upgrade ({@link #newHandshakeGuard()}).
 * </ul>
 */
public final class RelayLimits {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLimits.class);

    /** Rate buckets kept for this many addresses at most, about 12 MB. */
    static final int MAX_TRACKED_ADDRESSES = 100_000;

    /** Join buckets kept for this many rooms at most, about 12 MB. */
    static final int MAX_TRACKED_ROOMS = 100_000;

    private static final AttributeKey<Admission> ADMISSION = AttributeKey.valueOf(RelayLimits.class, "admission");

    /** Counted under this key: a connection without an IP address, which a real socket always has. */
    private static final IpKey NO_ADDRESS = new IpKey(0, false);

    private final RelayEvents events;
    private final boolean trustProxy;
    private final long handshakeTimeoutNanos;
    private final ConnectionLimiter connections;
    private final JoinRateLimiter joins;
    private final PendingHandshakes handshakes;
    private final ClientGate clientGate = new ClientGate(this);
    private final JoinGate joinGate;
    private final FrameLimitReporter frameLimit;

    /**
     * Creates the limits the configuration asks for.
     *
     * @param config the relay's settings
     * @param events where refusals and admitted connections are reported
     */
    public RelayLimits(RelayConfig config, RelayEvents events) {
        this(config, events, System::nanoTime);
    }

    RelayLimits(RelayConfig config, RelayEvents events, LongSupplier clock) {
        this.events = events;
        this.trustProxy = config.trustProxy();
        this.handshakeTimeoutNanos = config.handshakeTimeout().toNanos();
        this.connections = new ConnectionLimiter(
                config.maxConnectionsPerIp(),
                config.connectionBurstPerIp(),
                config.connectionsPerMinutePerIp(),
                MAX_TRACKED_ADDRESSES,
                clock);
        this.joins = new JoinRateLimiter(config.joinsPerRoomPerMinute(), MAX_TRACKED_ROOMS, clock);
        this.handshakes = new PendingHandshakes(config.maxPendingHandshakes());
        this.joinGate = new JoinGate(joins, events);
        this.frameLimit = new FrameLimitReporter(events);
    }

    /**
     * Applies the limits that are known when a TCP connection arrives. Call it first thing for every accepted
     * connection; if it returns false, the connection is already being closed and needs no pipeline.
     *
     * @param channel the accepted connection
     * @return whether the connection may go on to TLS and HTTP
     */
    public boolean accept(Channel channel) {
        if (!handshakes.tryAcquire()) {
            LOG.debug("{} closed at accept: {} handshakes are pending", channel, handshakes.pending());
            events.refused(ClientAddress.of(channel), Refusal.PENDING_HANDSHAKES, null);
            channel.close();
            return false;
        }
        Admission admission = new Admission();
        if (!trustProxy && admitAddress(channel, admission) != null) {
            admission.closed(this);
            channel.close();
            return false;
        }
        channel.attr(ADMISSION).set(admission);
        channel.closeFuture().addListener(closed -> admission.closed(this));
        return true;
    }

    /**
     * With {@code --trust-proxy}: the handler to put right behind the HTTP codec, which takes the client address
     * from {@code X-Forwarded-For} and applies the per-address limits to it.
     *
     * @return a sharable handler, or null when the relay counts TCP peers (then {@link #accept} did that already)
     */
    public ChannelHandler clientGate() {
        return trustProxy ? clientGate : null;
    }

    /** @return the sharable handler to put after the request gate, which applies the joins per room */
    public ChannelHandler joinGate() {
        return joinGate;
    }

    /** @return the sharable handler to put before the WebSocket error handling, which reports oversized frames */
    public ChannelHandler frameLimit() {
        return frameLimit;
    }

    /** @return a handler for one connection, to put after the WebSocket protocol handler: the handshake timeout */
    public ChannelHandler newHandshakeGuard() {
        return new HandshakeGuard(this, handshakeTimeoutNanos);
    }

    /**
     * Applies the per-address limits to a connection's client address and counts it if it passes.
     *
     * @return null if admitted, else the refusal (already reported)
     */
    Refusal admitAddress(Channel channel, Admission admission) {
        InetAddress address = ClientAddress.addressOf(channel);
        IpKey key = address == null ? NO_ADDRESS : IpKey.of(address);
        String client = ClientAddress.of(channel);
        Refusal refusal = connections.admit(key);
        if (refusal != null) {
            LOG.debug("{} refused: {}", client, refusal.reason());
            events.refused(client, refusal.reason(), null);
            return refusal;
        }
        admission.counted(key, client);
        events.connectionOpened(client);
        return null;
    }

    /** @return the admission that {@link #accept} attached to a connection */
    static Admission admissionOf(Channel channel) {
        return channel.attr(ADMISSION).get();
    }

    /** A connection's WebSocket upgrade completed: it no longer counts as a pending handshake. */
    void handshakeDone(Channel channel) {
        admissionOf(channel).handshakeOver(this);
    }

    /** A connection did not finish its handshake in time and is being closed. */
    void reportTimeout(Channel channel, String roomId) {
        events.refused(ClientAddress.of(channel), Refusal.HANDSHAKE_TIMEOUT, roomId);
    }

    /** What one connection holds of the limits; each part is given back exactly once. */
    static final class Admission {
        /** Created once the connection holds a pending handshake. */
        private final AtomicBoolean handshakePending = new AtomicBoolean(true);

        private final AtomicBoolean released = new AtomicBoolean();
        private volatile IpKey counted;
        private volatile String client;

        void counted(IpKey key, String clientText) {
            this.client = clientText;
            this.counted = key;
        }

        void handshakeOver(RelayLimits limits) {
            if (handshakePending.getAndSet(false)) {
                limits.handshakes.release();
            }
        }

        void closed(RelayLimits limits) {
            handshakeOver(limits);
            IpKey key = counted;
            if (key != null && released.compareAndSet(false, true)) {
                limits.connections.release(key);
                limits.events.connectionClosed(client);
            }
        }
    }
}
