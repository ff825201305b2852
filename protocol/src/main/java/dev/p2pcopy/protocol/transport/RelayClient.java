package dev.p2pcopy.protocol.transport;

import dev.p2pcopy.protocol.ReconnectPolicy;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Opens relay connections for one transfer, on one Netty I/O thread of its own. The thread is a
 * daemon and {@link #shutdown()} ends it, so a finished transfer never keeps a JVM alive.
 *
 * <p>Netty rather than OkHttp: client frames must be masked, and OkHttp masks byte by byte,
 * which measured at about 90% of the sender's CPU and capped a transfer near 110 MB/s on a
 * 2-core machine; Netty masks a word at a time.
 */
public final class RelayClient {
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final EventLoopGroup group;
    private final ClientTls tls;
    private final List<RelayConnection> connections = new CopyOnWriteArrayList<>();

    private RelayClient(EventLoopGroup group, ClientTls tls) {
        this.group = group;
        this.tls = tls;
    }

    /** A client with its own I/O thread that trusts the system's certificate authorities for {@code wss://}. */
    public static RelayClient create() {
        return create(null);
    }

    /**
     * A client with its own I/O thread that, for {@code wss://}, trusts the system's certificate authorities and
     * also {@code trustedCertificate}, e.g. a relay's self-signed certificate. Host names are always verified.
     *
     * @param trustedCertificate a PEM or DER X.509 certificate file, or null for the system's trust only
     * @throws dev.p2pcopy.protocol.TransferException with USAGE if the file is missing or holds no certificate
     */
    public static RelayClient create(Path trustedCertificate) {
        ClientTls tls = ClientTls.create(trustedCertificate);
        return new RelayClient(
                new MultiThreadIoEventLoopGroup(
                        1, new DefaultThreadFactory("p2p-copy-relay", true), NioIoHandler.newFactory()),
                tls);
    }

    /**
     * Starts joining {@code roomId} on {@code relay} as {@code role}. Returns at once; watch
     * {@link RelayConnection#joined()}.
     *
     * @throws dev.p2pcopy.protocol.TransferException with USAGE if the relay address is not a
     *     WebSocket address
     */
    public RelayConnection connect(URI relay, String roomId, Role role, RelayListener listener) {
        return connect(relay, roomId, role, listener, ReconnectPolicy.DEFAULT.silenceLimit());
    }

    /**
     * Like {@link #connect(URI, String, Role, RelayListener)}, treating the connection as lost once it has heard
     * nothing for {@code silenceLimit}.
     */
    public RelayConnection connect(URI relay, String roomId, Role role, RelayListener listener, Duration silenceLimit) {
        URI room = URI.create(RelayEndpoint.roomUrl(relay, roomId, role));
        RelayConnection connection = new RelayConnection(relay, room, listener, tls, silenceLimit);
        connections.removeIf(RelayConnection::isEnded);
        connections.add(connection);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(RelayConnection.LOW_WATER, RelayConnection.HIGH_WATER))
                .handler(connection.initializer());
        bootstrap.connect(room.getHost(), RelayEndpoint.port(room)).addListener(connection::onConnect);
        return connection;
    }

    /**
     * Ends the I/O thread once its connections are closed. Shutting the thread down first would
     * drop frames still queued, such as a final DONE.
     */
    public void shutdown() {
        for (RelayConnection c : connections) {
            c.awaitClosed(RelayConnection.CLOSE_LINGER_MILLIS + 500);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
