package dev.p2pcopy.relay.limit;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * Behind a trusted proxy: takes the client address from the request's {@code X-Forwarded-For} (falling back to
 * the TCP peer, the proxy, when there is none) and applies the per-address limits to it before anything else
 * looks at the request. Sits right behind the HTTP codec; leaves the pipeline after the first request.
 */
@Sharable
final class ClientGate extends ChannelInboundHandlerAdapter {

    private final RelayLimits limits;

    ClientGate(RelayLimits limits) {
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.pipeline().remove(this);
        if (msg instanceof HttpRequest request) {
            ForwardedFor.lastHop(request.headers()).ifPresent(address -> ClientAddress.set(ctx.channel(), address));
            Refusal refusal = limits.admitAddress(ctx.channel(), RelayLimits.admissionOf(ctx.channel()));
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refusal.answer(ctx);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
