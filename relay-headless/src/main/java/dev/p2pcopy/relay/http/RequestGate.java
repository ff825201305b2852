package dev.p2pcopy.relay.http;

import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.room.Role;
import dev.p2pcopy.relay.telemetry.RelayTelemetry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Answers every HTTP request that is not a valid room join (health check, metrics, stats, 400, 404, 405, 426) and
 * lets a valid one through to the WebSocket handshake, so that nothing is upgraded before it was checked.
 */
@Sharable
public final class RequestGate extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Pattern ROOM_ID = Pattern.compile(RelayContract.ROOM_ID_REGEX);

    /** The only WebSocket version the relay speaks, also named in its 426 answers. */
    private static final String RFC_6455_VERSION = "13";

    private static final int NONCE_BYTES = 16;

    /** Base64 of 16 bytes: 22 characters and two padding characters. */
    private static final int KEY_LENGTH = 24;

    private final RelayTelemetry telemetry;

    /**
     * Creates the gate.
     *
     * @param telemetry answers the metrics and stats endpoints
     */
    public RequestGate(RelayTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            reply(ctx, HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP.");
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(RelayContract.HEALTH_PATH)) {
            answer(ctx, request, "text/plain; charset=UTF-8", () -> utf8("ok"));
        } else if (path.equals(RelayContract.METRICS_PATH)) {
            // The cached text goes out without a copy: repeated scrapes allocate next to nothing.
            answer(
                    ctx,
                    request,
                    RelayTelemetry.PROMETHEUS_CONTENT_TYPE,
                    () -> Unpooled.wrappedBuffer(telemetry.prometheus()));
        } else if (path.equals(RelayContract.STATS_PATH)) {
            answer(ctx, request, RelayTelemetry.JSON_CONTENT_TYPE, () -> utf8(telemetry.statsJson()));
        } else if (path.startsWith(RelayContract.ROOM_PATH_PREFIX)) {
            admitToRoom(ctx, request, path.substring(RelayContract.ROOM_PATH_PREFIX.length()));
        } else {
            reply(ctx, HttpResponseStatus.NOT_FOUND, "There is nothing at " + path + ".");
        }
    }

    /** Answers a GET with 200 and the body, computed only then; any other method with 405. */
    private static void answer(
            ChannelHandlerContext ctx, FullHttpRequest request, String contentType, Supplier<ByteBuf> body) {
        if (!HttpMethod.GET.equals(request.method())) {
            refuseMethod(ctx, request);
            return;
        }
        FullHttpResponse response = response(HttpResponseStatus.OK, body.get());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        send(ctx, response);
    }

    private static void admitToRoom(ChannelHandlerContext ctx, FullHttpRequest request, String roomId) {
        if (!HttpMethod.GET.equals(request.method())) {
            refuseMethod(ctx, request);
            return;
        }
        if (!ROOM_ID.matcher(roomId).matches()) {
            reply(ctx, HttpResponseStatus.BAD_REQUEST, "The room id must be 64 lowercase hexadecimal characters.");
            return;
        }
        List<String> roles = new QueryStringDecoder(request.uri()).parameters().get("role");
        if (roles == null || roles.isEmpty()) {
            reply(
                    ctx,
                    HttpResponseStatus.BAD_REQUEST,
                    "The role query parameter is missing; use role=send or role=receive.");
            return;
        }
        Optional<Role> role = Role.fromWire(roles.get(0));
        if (role.isEmpty()) {
            reply(ctx, HttpResponseStatus.BAD_REQUEST, "The role must be send or receive.");
            return;
        }
        if (!isWebSocketUpgrade(request.headers())) {
            refuseUpgrade(ctx, "This endpoint needs a WebSocket upgrade request.");
            return;
        }
        if (!isRfc6455Handshake(request.headers())) {
            refuseUpgrade(
                    ctx,
                    "This relay speaks only WebSocket version 13 (RFC 6455), with a Sec-WebSocket-Key of 16 bytes.");
            return;
        }
        new RoomTicket(roomId, role.get()).attachTo(ctx.channel());
        ctx.fireChannelRead(request.retain());
        // Everything after the upgrade is WebSocket frames, which are not ours to look at.
        ctx.pipeline().remove(ctx.name());
    }

    private static boolean isWebSocketUpgrade(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /**
     * Netty would also serve the obsolete drafts (76, versions 7 and 8) and answer a request without a version with a
     * legacy 400; only the standard handshake gets through, with one version and one well-formed key.
     */
    private static boolean isRfc6455Handshake(HttpHeaders headers) {
        List<String> versions = headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        List<String> keys = headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        return versions.size() == 1
                && versions.get(0).trim().equals(RFC_6455_VERSION)
                && keys.size() == 1
                && isNonce(keys.get(0).trim());
    }

    /** RFC 6455 4.1: the key is a random 16-byte value, base64-encoded. */
    private static boolean isNonce(String key) {
        if (key.length() != KEY_LENGTH) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == NONCE_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static void refuseUpgrade(ChannelHandlerContext ctx, String sentence) {
        FullHttpResponse response = response(HttpResponseStatus.UPGRADE_REQUIRED, sentence);
        response.headers()
                .set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET)
                .set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, RFC_6455_VERSION);
        send(ctx, response);
    }

    private static void refuseMethod(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response = response(
                HttpResponseStatus.METHOD_NOT_ALLOWED,
                "The method " + request.method() + " is not allowed here; use GET.");
        response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
        send(ctx, response);
    }

    private static void reply(ChannelHandlerContext ctx, HttpResponseStatus status, String sentence) {
        send(ctx, response(status, sentence));
    }

    private static FullHttpResponse response(HttpResponseStatus status, String sentence) {
        return response(status, utf8(sentence));
    }

    private static FullHttpResponse response(HttpResponseStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    private static ByteBuf utf8(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response) {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
