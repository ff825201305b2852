package dev.p2pcopy.relay.limit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Why a limit turned a request away, and the HTTP answer that says so.
 *
 * @param reason the stable reason key of the audit log and the metrics, e.g. {@code connection-rate}
 * @param status the HTTP status, 429 for a client's own limits
 * @param sentence the one-sentence body
 * @param retryAfterSeconds the {@code Retry-After} value, at least 1
 */
public record Refusal(String reason, HttpResponseStatus status, String sentence, long retryAfterSeconds) {

    /** Reason key: the address already holds its maximum number of connections. */
    public static final String PER_IP_CONNECTIONS = "per-ip-connections";
    /** Reason key: the address opened connections faster than its token bucket allows. */
    public static final String CONNECTION_RATE = "connection-rate";
    /** Reason key: the room was joined too often in the last minute. */
    public static final String JOIN_RATE = "join-rate";
    /** Reason key: too many connections are in TLS or the upgrade; the new one was closed at accept. */
    public static final String PENDING_HANDSHAKES = "pending-handshakes";
    /** Reason key: a connection did not finish TLS and the upgrade in time. */
    public static final String HANDSHAKE_TIMEOUT = "handshake-timeout";
    /** Reason key: a peer sent a frame larger than the maximum frame size. */
    public static final String FRAME_TOO_LARGE = "frame-too-large";

    /** How long a client refused for holding too many connections is asked to wait. */
    private static final long CONNECTIONS_RETRY_SECONDS = 10;

    static Refusal perIpConnections(int max) {
        return new Refusal(
                PER_IP_CONNECTIONS,
                HttpResponseStatus.TOO_MANY_REQUESTS,
                "Your address already has " + max + " connections open to this relay; try again when one has closed.",
                CONNECTIONS_RETRY_SECONDS);
    }

    static Refusal connectionRate(long waitNanos) {
        long seconds = seconds(waitNanos);
        return new Refusal(
                CONNECTION_RATE,
                HttpResponseStatus.TOO_MANY_REQUESTS,
                "Your address opened too many connections to this relay; try again in " + seconds + " seconds.",
                seconds);
    }

    static Refusal joinRate(int perMinute, long waitNanos) {
        long seconds = seconds(waitNanos);
        return new Refusal(
                JOIN_RATE,
                HttpResponseStatus.TOO_MANY_REQUESTS,
                "This room was joined more than " + perMinute + " times in a minute; try again in " + seconds
                        + " seconds.",
                seconds);
    }

    /**
     * Answers the request with this refusal and closes the connection once the answer is out.
     *
     * @param ctx the connection's context
     */
    void answer(ChannelHandlerContext ctx) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(sentence, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
