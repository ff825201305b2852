package dev.p2pcopy.relay.http;

import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.room.Role;
import dev.p2pcopy.relay.telemetry.RelayTelemetry;
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
            answer(ctx, request, "text/plain; charset=UTF-8", "ok");
        } else if (path.equals(RelayContract.METRICS_PATH)) {
            answer(ctx, request, RelayTelemetry.PROMETHEUS_CONTENT_TYPE, telemetry::prometheus);
        } else if (path.equals(RelayContract.STATS_PATH)) {
            answer(ctx, request, RelayTelemetry.JSON_CONTENT_TYPE, telemetry::statsJson);
        } else if (path.startsWith(RelayContract.ROOM_PATH_PREFIX)) {
            admitToRoom(ctx, request, path.substring(RelayContract.ROOM_PATH_PREFIX.length()));
        } else {
            reply(ctx, HttpResponseStatus.NOT_FOUND, "There is nothing at " + path + ".");
        }
    }

    private static void answer(ChannelHandlerContext ctx, FullHttpRequest request, String contentType, String body) {
        answer(ctx, request, contentType, () -> body);
    }

    /** Answers a GET with 200 and the body, computed only then; any other method with 405. */
    private static void answer(
            ChannelHandlerContext ctx, FullHttpRequest request, String contentType, Supplier<String> body) {
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
            FullHttpResponse response =
                    response(HttpResponseStatus.UPGRADE_REQUIRED, "This endpoint needs a WebSocket upgrade request.");
            response.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
            send(ctx, response);
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
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(sentence, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response) {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
