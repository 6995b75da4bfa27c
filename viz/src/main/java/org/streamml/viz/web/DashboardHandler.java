package org.streamml.viz.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Routes the dashboard's requests: {@code /} the page, {@code /charts.json} the list of charts,
 * {@code /chart/NAME.png} a chart's latest frame, {@code /events} the server-sent-event stream. Only GET
 * and HEAD are allowed; everything else is answered with a short plain-text error.
 */
final class DashboardHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String CHART_PREFIX = "/chart/";
    private static final String PNG_SUFFIX = ".png";
    private final DashboardServer server;

    DashboardHandler(DashboardServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            send(ctx, request, error(HttpResponseStatus.BAD_REQUEST, "malformed request"));
            return;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (!server.acceptsHost(host)) {
            send(ctx, request, error(HttpResponseStatus.FORBIDDEN, "the dashboard does not serve the host name "
                    + org.streamml.streaming.io.Quote.of(host) + " (only its own name, localhost and IP addresses:"
                    + " a guard against DNS rebinding)"));
            return;
        }
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            FullHttpResponse r = error(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD are allowed");
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, request, r);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals("/") || path.equals("/index.html")) {
            send(ctx, request, ok("text/html; charset=utf-8", server.page()));
        } else if (path.equals("/charts.json")) {
            send(ctx, request, ok("application/json", chartsJson().getBytes(StandardCharsets.UTF_8)));
        } else if (path.equals("/events")) {
            openEvents(ctx);
        } else if (path.startsWith(CHART_PREFIX) && path.endsWith(PNG_SUFFIX)) {
            String name = path.substring(CHART_PREFIX.length(), path.length() - PNG_SUFFIX.length());
            ChartFrame frame = server.frames().get(name);
            send(ctx, request, frame == null ? error(HttpResponseStatus.NOT_FOUND, "no chart named '" + name + "'")
                    : ok("image/png", frame.png()));
        } else if (path.equals("/favicon.ico")) {
            send(ctx, request, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
        } else {
            send(ctx, request, error(HttpResponseStatus.NOT_FOUND, "no such page: " + path));
        }
    }

    private String chartsJson() {
        StringBuilder sb = new StringBuilder("[");
        for (ChartFrame f : server.frames().all()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"name\":").append(ChartFrame.quote(f.name())).append(",\"title\":")
                    .append(ChartFrame.quote(f.title())).append(",\"version\":").append(f.version()).append('}');
        }
        return sb.append(']').toString();
    }

    private void openEvents(ChannelHandlerContext ctx) {
        if (!server.tryAddClient(ctx.channel())) {
            FullHttpResponse r = error(HttpResponseStatus.SERVICE_UNAVAILABLE, "too many dashboard clients");
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        HttpUtil.setTransferEncodingChunked(response, true);
        ctx.write(response);
        server.sendAll(ctx.channel());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            server.catchUp(ctx.channel());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static FullHttpResponse ok(String contentType, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff");
        return r;
    }

    private static FullHttpResponse error(HttpResponseStatus status, String message) {
        ByteBuf body = Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (HttpMethod.HEAD.equals(request.method())) {
            response.content().clear();
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
