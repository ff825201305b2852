package dev.p2pcopy.relay;

import dev.p2pcopy.relay.http.RelayChannelInitializer;
import dev.p2pcopy.relay.limit.RelayLimits;
import dev.p2pcopy.relay.room.Peer;
import dev.p2pcopy.relay.room.RoomCounts;
import dev.p2pcopy.relay.room.RoomRegistry;
import dev.p2pcopy.relay.telemetry.RelayTelemetry;
import dev.p2pcopy.relay.tls.ServerTls;
import dev.p2pcopy.relay.ws.TrafficMeter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: a WebSocket server that pairs a sender and a receiver per room and forwards their frames unchanged,
 * with backpressure.
 *
 * <pre>{@code
 * try (RelayServer relay = RelayServer.start(RelayConfig.builder().port(0).build())) {
 *     URI uri = relay.uri(); // ws://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>Its threads are daemon threads: a program that only runs the relay blocks in {@link #awaitClose()}.
 */
public final class RelayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);

    /** How long close() lets peers answer the 1001 close frame before the event loops stop. */
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final RoomRegistry registry;
    private final TrafficMeter meter;
    private final RelayTelemetry telemetry;
    private final URI uri;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private RelayServer(
            EventLoopGroup acceptor,
            EventLoopGroup workers,
            Channel serverChannel,
            ChannelGroup connections,
            RoomRegistry registry,
            TrafficMeter meter,
            RelayTelemetry telemetry,
            String host,
            boolean tls) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.registry = registry;
        this.meter = meter;
        this.telemetry = telemetry;
        this.uri = URI.create((tls ? "wss://" : "ws://") + uriHost(host) + ":" + port());
    }

    /**
     * Binds and starts accepting peers.
     *
     * @param config the relay's settings
     * @return the running relay, already accepting connections
     * @throws BindException if the port is taken
     * @throws IOException if the relay cannot listen for another reason, e.g. an unknown host, or its TLS
     *     certificate or key cannot be used; the message is a clause that says why
     */
    public static RelayServer start(RelayConfig config) throws IOException {
        ServerTls tls = config.tlsCertificate().isPresent()
                ? ServerTls.load(config.tlsCertificate().get(), config.tlsKey().get(), config.tlsMinVersion())
                : null;
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("p2p-copy-relay-accept", true), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                0, new DefaultThreadFactory("p2p-copy-relay", true), NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup("p2p-copy-relay", GlobalEventExecutor.INSTANCE);
        RelayTelemetry telemetry = new RelayTelemetry(config);
        RoomRegistry registry = new RoomRegistry(config, telemetry.events());
        RelayLimits limits = new RelayLimits(config, telemetry.events());
        TrafficMeter meter = new TrafficMeter();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
                .childHandler(
                        new RelayChannelInitializer(config, registry, meter, connections, telemetry, limits, tls));
        ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(acceptor, workers);
            telemetry.close();
            throw bindFailure(config, bound.cause());
        }
        RelayServer server = new RelayServer(
                acceptor,
                workers,
                bound.channel(),
                connections,
                registry,
                meter,
                telemetry,
                config.host(),
                tls != null);
        LOG.info("p2p-copy relay listening on {}", server.uri);
        return server;
    }

    /** @return the port the relay listens on; the real one when the configured port was 0 */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * @return {@code ws://HOST:PORT}, or {@code wss://HOST:PORT} with TLS, with 127.0.0.1 when the relay listens on
     *     every interface
     */
    public URI uri() {
        return uri;
    }

    /** @return the relay's counters at this moment */
    public RelayStats stats() {
        RoomCounts rooms = registry.counts();
        return new RelayStats(
                connections.size(),
                rooms.waiting(),
                rooms.paired(),
                meter.bytesForwarded(),
                meter.bufferedBytes(),
                meter.peakBufferedBytes());
    }

    /**
     * Shuts down gracefully: stops accepting, closes every peer with 1001 "relay shutting down", stops the threads
     * and returns when all is done. Calling it again waits for the first call to finish.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitCloseUninterruptibly();
            return;
        }
        serverChannel.close().awaitUninterruptibly();
        registry.shutdown();
        for (Channel connection : connections) {
            Peer peer = Peer.of(connection);
            if (peer == null) {
                connection.close();
            } else {
                peer.close(RelayContract.CLOSE_GOING_AWAY, "relay shutting down");
            }
        }
        connections.newCloseFuture().awaitUninterruptibly(CLOSE_WAIT_MILLIS);
        shutDown(acceptor, workers);
        telemetry.close();
        LOG.info("p2p-copy relay stopped");
        closed.countDown();
    }

    /**
     * Blocks until {@link #close()} has finished, e.g. from a shutdown hook.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void awaitCloseUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shutDown(EventLoopGroup acceptor, EventLoopGroup workers) {
        Future<?> acceptorDone = acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        Future<?> workersDone = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptorDone.awaitUninterruptibly();
        workersDone.awaitUninterruptibly();
    }

    private static IOException bindFailure(RelayConfig config, Throwable cause) {
        String where = config.host() + ":" + config.port();
        IOException failure;
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
            failure = new BindException("port " + config.port() + " is already in use on " + config.host()
                    + "; stop the program using it or choose another port");
        } else if (cause instanceof BindException) {
            failure = new BindException("cannot listen on " + where + " (" + cause.getMessage() + ")");
        } else {
            failure = new IOException("cannot listen on " + where + " (" + cause + ")");
        }
        failure.initCause(cause);
        return failure;
    }

    private static String uriHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
