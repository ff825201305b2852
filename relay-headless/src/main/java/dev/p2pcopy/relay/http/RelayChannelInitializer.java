package dev.p2pcopy.relay.http;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.limit.RelayLimits;
import dev.p2pcopy.relay.room.RoomRegistry;
import dev.p2pcopy.relay.telemetry.RelayTelemetry;
import dev.p2pcopy.relay.tls.ServerTls;
import dev.p2pcopy.relay.ws.ErrorCloser;
import dev.p2pcopy.relay.ws.FrameForwarder;
import dev.p2pcopy.relay.ws.JoinHandler;
import dev.p2pcopy.relay.ws.KeepaliveHandler;
import dev.p2pcopy.relay.ws.TrafficMeter;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline, after the limits that apply at accept: TLS if configured, idle detection,
 * HTTP, the client gate of the limits (behind a trusted proxy), the request gate, the join rate, the WebSocket
 * protocol with the handshake timeout, then the relay's own handlers (keepalive, room membership, forwarding).
 */
public final class RelayChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Join requests carry no body; anything larger is not ours. */
    private static final int MAX_REQUEST_BYTES = 8192;

    private final RelayConfig config;
    private final ChannelGroup channels;
    private final TrafficMeter meter;
    private final WebSocketServerProtocolConfig webSocketConfig;
    private final RequestGate gate;
    private final JoinHandler join;
    private final ErrorCloser errors;
    private final RelayLimits limits;
    private final ServerTls tls;

    /**
     * A plain {@code ws://} relay's pipeline, with the limits of the configuration.
     *
     * @param config the relay's settings
     * @param registry the relay's rooms
     * @param meter forwards frames and counts bytes
     * @param channels receives every accepted connection, so that shutdown can close them all
     * @param telemetry the audit log and metrics
     */
    public RelayChannelInitializer(
            RelayConfig config,
            RoomRegistry registry,
            TrafficMeter meter,
            ChannelGroup channels,
            RelayTelemetry telemetry) {
        this(config, registry, meter, channels, telemetry, new RelayLimits(config, telemetry.events()), null);
    }

    /**
     * @param config the relay's settings
     * @param registry the relay's rooms
     * @param meter forwards frames and counts bytes
     * @param channels receives every accepted connection, so that shutdown can close them all
     * @param telemetry the audit log and metrics
     * @param limits the relay's flood protection
     * @param tls the relay's TLS, or null for plain {@code ws://}
     */
    public RelayChannelInitializer(
            RelayConfig config,
            RoomRegistry registry,
            TrafficMeter meter,
            ChannelGroup channels,
            RelayTelemetry telemetry,
            RelayLimits limits,
            ServerTls tls) {
        this.limits = limits;
        this.tls = tls;
        this.gate = new RequestGate(telemetry);
        this.config = config;
        this.channels = channels;
        this.meter = meter;
        this.join = new JoinHandler(registry);
        this.errors = new ErrorCloser(config.maxFrameBytes());
        String prefix = RelayContract.ROOM_PATH_PREFIX;
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(prefix.substring(0, prefix.length() - 1))
                .checkStartsWith(true)
                .maxFramePayloadLength(config.maxFrameBytes())
                // ErrorCloser sends the close frame and keeps draining, so that the peer sees the code instead of a
                // reset.
                .closeOnProtocolViolation(false)
                // Peers close with their own codes through Peer.close; plain close() must stay plain.
                .sendCloseFrame(null)
                .build();
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!limits.accept(ch)) {
            return;
        }
        channels.add(ch);
        ChannelPipeline pipeline = ch.pipeline();
        if (tls != null) {
            pipeline.addLast("tls", tls.newHandler(ch.alloc()));
        }
        pipeline.addLast("idle", new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS))
                .addLast("http", new HttpServerCodec())
                .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                // Both sit right behind the codec, where the WebSocket decoder ends up, to see its errors first.
                .addLast("frame-limit", limits.frameLimit())
                .addLast("frame-errors", errors);
        ChannelHandler clientGate = limits.clientGate();
        if (clientGate != null) {
            pipeline.addLast("client", clientGate);
        }
        pipeline.addLast("gate", gate)
                .addLast("join-rate", limits.joinGate())
                .addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig))
                .addLast("handshake-timeout", limits.newHandshakeGuard())
                .addLast("keepalive", new KeepaliveHandler(config.pingInterval(), config.idleTimeout()))
                .addLast("join", join)
                .addLast("forward", new FrameForwarder(meter))
                .addLast("errors", errors);
    }
}
