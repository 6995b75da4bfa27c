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
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Routes the dashboard's requests: the page ({@code /}, and {@code /streaming}, {@code /models},
 * {@code /series}, which open one of its tabs), {@code /assets/NAME} (uPlot's script and style),
 * {@code /charts.json} the list of charts, {@code /series.json?q=TEXT&limit=N} the scored series whose name
 * contains TEXT, highest score first, {@code /chart/NAME.json} a chart's latest data, {@code /chart/NAME.png}
 * its image (drawn on request), and {@code /events?page=PAGE[&series=NAME]} the server-sent-event stream of a
 * page. Only GET and HEAD are allowed; everything else is answered with a short plain-text error. With a
 * token, every request must carry it: {@code ?token=T} (the page then sets a cookie) or that cookie.
 */
final class DashboardHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String COOKIE = "streamml-token";
    private static final String CHART_PREFIX = "/chart/";
    private static final String ASSET_PREFIX = "/assets/";
    private static final String PNG_SUFFIX = ".png";
    private static final String JSON_SUFFIX = ".json";
    private static final String EVENT_DATA = "data: ";
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
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String path = query.path();
        String queryToken = param(query, "token");
        boolean tokenInQuery = server.needsToken() && server.authorized(queryToken);
        if (!tokenInQuery && !server.authorized(cookieToken(request))) {
            send(ctx, request, error(HttpResponseStatus.UNAUTHORIZED, "this dashboard needs its token: open the"
                    + " address it printed, which ends in ?token=..."));
            return;
        }
        if (path.equals("/") || path.equals("/index.html") || DashboardState.PAGES.contains(path.substring(1))) {
            FullHttpResponse r = ok("text/html; charset=utf-8", server.page());
            if (tokenInQuery) {
                r.headers().add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie(queryToken)));
            }
            send(ctx, request, r);
        } else if (path.startsWith(ASSET_PREFIX) && Assets.get(path.substring(ASSET_PREFIX.length())) != null) {
            String name = path.substring(ASSET_PREFIX.length());
            send(ctx, request, ok(Assets.type(name), Assets.get(name)));
        } else if (path.equals("/charts.json")) {
            send(ctx, request, ok("application/json", chartsJson().getBytes(StandardCharsets.UTF_8)));
        } else if (path.equals("/series.json")) {
            send(ctx, request, ok("application/json", seriesJson(query).getBytes(StandardCharsets.UTF_8)));
        } else if (path.equals("/events")) {
            openEvents(ctx, query);
        } else if (path.startsWith(CHART_PREFIX) && path.endsWith(JSON_SUFFIX)) {
            String name = path.substring(CHART_PREFIX.length(), path.length() - JSON_SUFFIX.length());
            String data = chartData(name);
            send(ctx, request, data == null ? error(HttpResponseStatus.NOT_FOUND, "no chart named '" + name + "'")
                    : ok("application/json", data.getBytes(StandardCharsets.UTF_8)));
        } else if (path.startsWith(CHART_PREFIX) && path.endsWith(PNG_SUFFIX)) {
            String name = path.substring(CHART_PREFIX.length(), path.length() - PNG_SUFFIX.length());
            byte[] png = server.renderer().png(name);
            send(ctx, request, png == null ? error(HttpResponseStatus.NOT_FOUND, "no chart named '" + name + "'")
                    : ok("image/png", png));
        } else if (path.equals("/favicon.ico")) {
            send(ctx, request, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
        } else {
            send(ctx, request, error(HttpResponseStatus.NOT_FOUND, "no such page: " + path));
        }
    }

    private static io.netty.handler.codec.http.cookie.Cookie cookie(String token) {
        DefaultCookie c = new DefaultCookie(COOKIE, token);
        c.setHttpOnly(true);
        c.setPath("/");
        c.setSameSite(CookieHeaderNames.SameSite.Strict);
        return c;
    }

    private static String cookieToken(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (io.netty.handler.codec.http.cookie.Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (c.name().equals(COOKIE)) {
                return c.value();
            }
        }
        return null;
    }

    private static String param(QueryStringDecoder query, String name) {
        java.util.List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The JSON of chart {@code name}'s latest data, or {@code null} if there is no such chart. */
    private String chartData(String name) {
        DashboardState.Entry e = server.state().get(name);
        String event = e != null ? e.event() : server.state().series(name) != null
                ? server.renderer().seriesEvent(name) : null;
        if (event == null) {
            return null;
        }
        int at = event.indexOf(EVENT_DATA);
        return event.substring(at + EVENT_DATA.length(), event.indexOf('\n', at));
    }

    private String chartsJson() {
        Json json = new Json(256).beginArray();
        for (DashboardState.Entry e : server.state().all()) {
            json.beginObject().key("name").value(e.name()).key("title").value(e.title()).key("page").value(e.page())
                    .key("version").value(e.version()).endObject();
        }
        return json.endArray().toString();
    }

    private String seriesJson(QueryStringDecoder query) {
        int limit = 50;
        String l = param(query, "limit");
        if (l != null && l.matches("\\d{1,4}")) {
            limit = Math.max(1, Integer.parseInt(l));
        }
        Json json = new Json(1024).beginObject().key("count").value(server.state().seriesCount()).key("series");
        DashboardState.seriesArray(json, server.state().findSeries(param(query, "q"), limit));
        return json.endObject().toString();
    }

    private void openEvents(ChannelHandlerContext ctx, QueryStringDecoder query) {
        String page = param(query, "page");
        if (page == null) {
            page = "streaming";
        }
        if (!DashboardState.PAGES.contains(page)) {
            FullHttpResponse r = error(HttpResponseStatus.NOT_FOUND, "no page " + org.streamml.streaming.io.Quote.of(page)
                    + "; the pages are " + DashboardState.PAGES);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!server.tryAddClient(ctx.channel(), page, param(query, "series"))) {
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
