package dev.p2pcopy.protocol.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * One peer's WebSocket to one room on the relay. Opened by {@link RelayClient#connect}; {@link
 * #joined()} completes when the relay has let us in, then {@link RelayListener} hears the rest,
 * on the connection's I/O thread, one call at a time.
 */
public final class RelayConnection {
    /** Sends wait while more than this is queued for the socket. */
    static final int HIGH_WATER = 8 * 1024 * 1024;
    /** ...and resume once the queue has drained below this. */
    static final int LOW_WATER = 4 * 1024 * 1024;

    /** Largest frame {@link #sendUrgent} takes; ERROR frames are far smaller. */
    static final int MAX_URGENT_BYTES = 16 * 1024;

    /** Largest message the relay may deliver: one frame of protocol v1, plus slack. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 64 * 1024;

    static final long HANDSHAKE_TIMEOUT_SECONDS = 10;
    /** A close waits this long for queued frames to leave before the socket is cut. */
    static final long CLOSE_LINGER_MILLIS = 3_000;
    /** We ping the relay when we have sent nothing for this long (its NAT entry stays warm). */
    static final int PING_AFTER_SECONDS = 20;
    /** Reader-idle periods in a row, each a third of the silence limit, after which the connection is dead. */
    private static final int SILENT_PERIODS = 3;
    /** How long a send waits for the socket to drain at all before giving up on the relay. */
    private static final long STALL_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI relay;
    private final URI room;
    private final RelayListener listener;
    private final ClientTls tls;
    private final long silenceMillis;
    private final CompletableFuture<Boolean> joined = new CompletableFuture<>();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final Object writable = new Object();
    private volatile Channel channel;
    private volatile boolean opened;
    private volatile boolean ended;
    private volatile boolean closedHere;
    private volatile boolean abandonWaits;

    RelayConnection(URI relay, URI room, RelayListener listener, ClientTls tls, Duration silenceLimit) {
        this.relay = relay;
        this.room = room;
        this.listener = listener;
        this.tls = tls;
        this.silenceMillis = silenceLimit.toMillis();
    }

    /**
     * Completes when the relay has let this peer into the room: {@code false} if it waits for
     * the other role, {@code true} if it was paired at once. Fails with a {@link
     * TransferException} if the relay cannot be reached or refuses.
     */
    public CompletableFuture<Boolean> joined() {
        return joined;
    }

    /**
     * Sends bytes {@code [0, length)} of {@code frame} as one binary message. Waits while more
     * than {@link #HIGH_WATER} bytes are queued for the socket; the frame is copied, so the
     * array may be reused once this returns.
     *
     * @throws TransferException if the connection is gone, or the relay has not taken any data
     *     for two minutes
     */
    public void send(byte[] frame, int length) {
        Channel ch = liveChannel();
        awaitWritable(ch);
        write(ch, frame, length);
    }

    /**
     * Sends a small frame without waiting for the socket to drain: for an ERROR while the
     * session is failing.
     *
     * @throws TransferException if the connection is gone
     * @throws IllegalArgumentException if the frame is larger than {@value #MAX_URGENT_BYTES}
     */
    public void sendUrgent(byte[] frame, int length) {
        if (length > MAX_URGENT_BYTES) {
            throw new IllegalArgumentException("urgent frames are small; got " + length + " bytes");
        }
        write(liveChannel(), frame, length);
    }

    /**
     * Makes sends that wait for the socket to drain give up at once, so that a failing session
     * can still send its ERROR without waiting behind a stalled send.
     */
    public void abandonWaits() {
        abandonWaits = true;
        wakeSenders();
    }

    /**
     * Closes the connection after the messages already queued; nothing more is reported to the
     * listener. Safe to call more than once.
     */
    public void close(int code, String reason) {
        closedHere = true;
        joined.completeExceptionally(
                new TransferException(FailureReason.RELAY_UNREACHABLE, "The connection to the relay was closed."));
        wakeSenders();
        Channel ch = channel;
        if (ch != null && ch.isActive() && opened) {
            // Frames queued before this close (a final DONE or ERROR) still go out first. The
            // socket stays open until the relay answers the close: cut earlier, it could be
            // reset while the relay has not read those frames yet, and they would be lost.
            ch.writeAndFlush(new CloseWebSocketFrame(code, reason));
            ch.eventLoop().schedule(() -> ch.close(), CLOSE_LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else if (ch != null) {
            ch.close();
        }
    }

    /** Whether the connection broke or was closed; sends then fail at once. */
    public boolean isEnded() {
        return ended || closedHere;
    }

    /** Waits, at most {@code millis}, until the socket is closed. */
    void awaitClosed(long millis) {
        Channel ch = channel;
        if (ch != null) {
            ch.closeFuture().awaitUninterruptibly(millis);
        }
    }

    private Channel liveChannel() {
        Channel ch = channel;
        if (ch == null || ended || closedHere) {
            throw lost();
        }
        return ch;
    }

    private void write(Channel ch, byte[] frame, int length) {
        // Already a whole WebSocket frame: the pipeline's encoder passes raw buffers through.
        ch.writeAndFlush(MaskedFrames.binary(ch.alloc(), frame, length));
    }

    private void awaitWritable(Channel ch) {
        if (ch.isWritable()) {
            return;
        }
        long deadline = System.nanoTime() + STALL_LIMIT_NANOS;
        long backlog = ch.bytesBeforeWritable();
        synchronized (writable) {
            while (!ch.isWritable()) {
                if (ended || closedHere || abandonWaits) {
                    throw lost();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    long now = ch.bytesBeforeWritable();
                    if (now >= backlog) {
                        throw new TransferException(
                                FailureReason.RELAY_UNREACHABLE, "The relay stopped taking data for two minutes.");
                    }
                    backlog = now; // still draining, however slowly
                    deadline = System.nanoTime() + STALL_LIMIT_NANOS;
                    continue;
                }
                try {
                    writable.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransferException(FailureReason.CANCELLED, "The transfer was interrupted.", e);
                }
            }
        }
    }

    private void wakeSenders() {
        synchronized (writable) {
            writable.notifyAll();
        }
    }

    private static TransferException lost() {
        return new TransferException(FailureReason.RELAY_UNREACHABLE, "The connection to the relay was lost.");
    }

    private void report(TransferException failure) {
        ended = true;
        wakeSenders();
        if (closedHere || !reported.compareAndSet(false, true)) {
            return;
        }
        if (!joined.completeExceptionally(failure)) {
            listener.onClosed(failure);
        }
    }

    void onConnect(Future<? super Void> connect) {
        if (!connect.isSuccess()) {
            report(RelayFailures.forFailure(relay, connect.cause(), false));
        }
    }

    ChannelInitializer<SocketChannel> initializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) throws SSLException {
                channel = ch;
                if (closedHere) {
                    ch.close();
                    return;
                }
                if ("wss".equalsIgnoreCase(room.getScheme())) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc(), room.getHost(), RelayEndpoint.port(room)));
                }
                ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(new Handler());
            }
        };
    }

    private void onNotice(String text) {
        String event;
        long pairing;
        try {
            JsonNode node = JSON.readTree(text);
            event = node == null ? "" : node.path(RelayEndpoint.EVENT_FIELD).asText("");
            pairing = node == null ? 0 : node.path(RelayEndpoint.PAIRING_FIELD).asLong(0);
        } catch (IOException e) {
            return; // not a notice this version knows; the relay's binary stream is unaffected
        }
        switch (event) {
            case RelayEndpoint.EVENT_WAITING -> joined.complete(false);
            case RelayEndpoint.EVENT_PAIRED -> {
                joined.complete(true);
                if (!closedHere) {
                    listener.onPaired(pairing);
                }
            }
            case RelayEndpoint.EVENT_PEER_LEFT -> {
                if (!closedHere) {
                    listener.onPeerLeft();
                }
            }
            default -> {
                // Notices added by later relays are ignored.
            }
        }
    }

    /** Handshake, then relay notices, peer frames, keepalive and closing, on the I/O thread. */
    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private int silentPeriods;
        private final WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                room, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), MAX_MESSAGE_BYTES);

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            handshaker.handshake(ctx.channel());
            ctx.executor()
                    .schedule(
                            () -> {
                                if (!opened) {
                                    report(new TransferException(
                                            FailureReason.RELAY_UNREACHABLE,
                                            "Cannot reach the relay at " + relay + ": it did not answer the upgrade.",
                                            null));
                                    ctx.close();
                                }
                            },
                            HANDSHAKE_TIMEOUT_SECONDS,
                            TimeUnit.SECONDS);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!opened) {
                FullHttpResponse response = (FullHttpResponse) msg;
                try {
                    handshaker.finishHandshake(ctx.channel(), response);
                } catch (WebSocketHandshakeException e) {
                    report(RelayFailures.forRefusedUpgrade(
                            relay, response.status().code(), response.content().toString(StandardCharsets.UTF_8)));
                    ctx.close();
                    return;
                }
                opened = true;
                ctx.pipeline()
                        .addBefore(
                                ctx.name(),
                                "idle",
                                new IdleStateHandler(
                                        silenceMillis / SILENT_PERIODS,
                                        PING_AFTER_SECONDS * 1000L,
                                        0,
                                        TimeUnit.MILLISECONDS))
                        .addBefore(ctx.name(), "aggregate", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
                return;
            }
            WebSocketFrame frame = (WebSocketFrame) msg;
            if (frame instanceof BinaryWebSocketFrame) {
                if (!closedHere) {
                    listener.onFrame(ByteBuffer.wrap(ByteBufUtil.getBytes(frame.content())));
                }
            } else if (frame instanceof TextWebSocketFrame text) {
                onNotice(text.text());
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame close) {
                if (closedHere) {
                    ctx.close(); // the relay's answer to our close
                    return;
                }
                report(RelayFailures.forClose(close.statusCode(), close.reasonText()));
                ctx.writeAndFlush(new CloseWebSocketFrame(RelayEndpoint.CLOSE_NORMAL, null))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                wakeSenders();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent tlsDone && !tlsDone.isSuccess()) {
                // Comes before the connection closes, so the reason is the certificate, not "connection closed".
                report(failure(tlsDone.cause()));
            } else if (evt instanceof IdleStateEvent idle) {
                if (idle.state() == IdleState.WRITER_IDLE) {
                    ctx.writeAndFlush(new PingWebSocketFrame());
                } else if (idle.state() == IdleState.READER_IDLE) {
                    // Silent for a third of the limit: ask for a pong; silent for all of it: the path is gone
                    // (a peer that vanished without closing its socket looks exactly like this).
                    silentPeriods = idle.isFirst() ? 1 : silentPeriods + 1;
                    if (silentPeriods < SILENT_PERIODS) {
                        ctx.writeAndFlush(new PingWebSocketFrame());
                        return;
                    }
                    report(new TransferException(
                            FailureReason.RELAY_UNREACHABLE,
                            "The relay stopped answering for "
                                    + Duration.ofMillis(silenceMillis).toSeconds() + " seconds."));
                    ctx.close();
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            report(opened ? lost() : RelayFailures.forFailure(relay, new IOException("connection closed"), false));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            report(failure(cause));
            ctx.close();
        }

        private TransferException failure(Throwable cause) {
            return ClientTls.refusedCertificate(relay, cause)
                    .orElseGet(() -> RelayFailures.forFailure(relay, cause, opened));
        }
    }
}
