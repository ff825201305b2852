package dev.p2pcopy.relay;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DefaultSocketChannelConfig;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketChannelConfig;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * An {@link EmbeddedChannel} that passes for a TCP connection, so that the relay's real {@code
 * ChannelInitializer<SocketChannel>} can build its pipeline on it and the test can drive that
 * pipeline byte by byte on its own thread. Buffers come from the heap, where the thread's
 * allocation counter sees them.
 */
final class EmbeddedSocketChannel extends EmbeddedChannel implements SocketChannel {
    /** Options are never applied to a real socket; one unconnected socket serves every channel's config. */
    private static final Socket NO_SOCKET = new Socket();

    private final SocketChannelConfig config;
    private final InetSocketAddress remote;

    /**
     * Creates the channel and builds its pipeline with {@code initializer}.
     *
     * @param remote the client address the relay sees
     */
    EmbeddedSocketChannel(ChannelHandler initializer, InetSocketAddress remote) throws Exception {
        super(DefaultChannelId.newInstance(), false, false, initializer);
        this.remote = remote;
        this.config = new DefaultSocketChannelConfig(this, NO_SOCKET);
        config.setAllocator(new UnpooledByteBufAllocator(false));
        register();
    }

    @Override
    public ServerSocketChannel parent() {
        return null;
    }

    @Override
    public SocketChannelConfig config() {
        return config;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", RelayConfig.DEFAULT_PORT);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean isInputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownInput() {
        return close();
    }

    @Override
    public ChannelFuture shutdownInput(ChannelPromise promise) {
        return close(promise);
    }

    @Override
    public boolean isOutputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownOutput() {
        return close();
    }

    @Override
    public ChannelFuture shutdownOutput(ChannelPromise promise) {
        return close(promise);
    }

    @Override
    public boolean isShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdown() {
        return close();
    }

    @Override
    public ChannelFuture shutdown(ChannelPromise promise) {
        return close(promise);
    }
}
