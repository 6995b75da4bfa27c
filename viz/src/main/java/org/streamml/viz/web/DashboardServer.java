package org.streamml.viz.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's netty HTTP server. It keeps only the latest data message of each chart (see
 * {@link DashboardState}) and at most {@link #MAX_CLIENTS} event streams, each showing one page. A client too
 * slow to take an event (its connection's outbound buffer above netty's high-water mark, 1 MiB) is skipped
 * and marked stale, and sent the current state of its page once its connection drains: events coalesce into
 * the latest state, so nothing queues without bound and a slow browser never slows whoever publishes.
 */
final class DashboardServer implements AutoCloseable {
    /** The most event-stream clients served at once. */
    static final int MAX_CLIENTS = 64;
    /** The most connections open at once, by default (event streams included); more are answered 503. */
    static final int MAX_CONNECTIONS = 256;
    /** How long a connection may send nothing before it is closed, by default (event streams exempt). */
    static final long REQUEST_TIMEOUT_MILLIS = 10_000;
    /** The series listed by the series page's top list. */
    static final int TOP_SERIES = 20;
    private static final AttributeKey<Boolean> STALE = AttributeKey.valueOf("streamml.stale");
    private static final AttributeKey<String> PAGE = AttributeKey.valueOf("streamml.page");
    private static final AttributeKey<String> SELECTED = AttributeKey.valueOf("streamml.selected");
    private static final long KEEP_ALIVE_SECONDS = 15;

    /** Draws what the server holds no message for: one series' data, a chart's image. */
    interface Renderer {
        /** The data event of the series chart {@code name}, or {@code null} if there is none. */
        String seriesEvent(String name);

        /** The PNG image of chart {@code name}, or {@code null} if there is none. */
        byte[] png(String name);
    }

    private static final Renderer NO_RENDERER = new Renderer() {
        @Override
        public String seriesEvent(String name) {
            return null;
        }

        @Override
        public byte[] png(String name) {
            return null;
        }
    };

    private final DashboardState state = new DashboardState();
    private final ChannelGroup clients = new DefaultChannelGroup("dashboard-events", GlobalEventExecutor.INSTANCE);
    private final byte[] page;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final Object clientLock = new Object();
    private final ConnectionGuard guard;
    private final HostCheck hostCheck;
    private final byte[] token;
    private volatile Renderer renderer = NO_RENDERER;
    private volatile boolean finished;

    /** Binds to {@code host}:{@code port} (0 picks a free port) and starts serving, with the default limits. */
    DashboardServer(String host, int port) {
        this(host, port, MAX_CONNECTIONS, REQUEST_TIMEOUT_MILLIS, null);
    }

    /** As {@link #DashboardServer(String, int, int, long, String)} without a token. */
    DashboardServer(String host, int port, int maxConnections, long requestTimeoutMillis) {
        this(host, port, maxConnections, requestTimeoutMillis, null);
    }

    /**
     * Binds to {@code host}:{@code port} and starts serving at most {@code maxConnections} connections at
     * once, closing one that sends nothing for {@code requestTimeoutMillis}; with a {@code token}, only
     * requests that carry it (see {@link #authorized}) are served.
     */
    DashboardServer(String host, int port, int maxConnections, long requestTimeoutMillis, String token) {
        if (maxConnections < 1 || requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("connection limit and request timeout must be >= 1: " + maxConnections
                    + ", " + requestTimeoutMillis + " ms");
        }
        if (token != null && !token.matches("[A-Za-z0-9._~-]{8,128}")) {
            throw new IllegalArgumentException("the dashboard token must be 8 to 128 of [A-Za-z0-9._~-]");
        }
        this.token = token == null ? null : token.getBytes(StandardCharsets.US_ASCII);
        this.page = loadPage();
        this.guard = new ConnectionGuard(maxConnections);
        this.hostCheck = new HostCheck(host);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // the idle handler comes first: its events travel towards the guard
                            ch.pipeline().addLast(new IdleStateHandler(requestTimeoutMillis, 0, 0, TimeUnit.MILLISECONDS),
                                    guard,
                                    new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                    new DashboardHandler(DashboardServer.this));
                        }
                    });
            this.serverChannel = b.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            // bind failures arrive as checked exceptions (BindException) thrown without being declared
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("cannot start the dashboard on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        group.next().scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n", null), KEEP_ALIVE_SECONDS,
                KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    private static byte[] loadPage() {
        try (InputStream in = DashboardServer.class.getResourceAsStream("dashboard.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.html is missing from the viz jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard.html from the viz jar", e);
        }
    }

    /** Sets what draws series data and images on request. */
    void renderer(Renderer r) {
        this.renderer = r == null ? NO_RENDERER : r;
    }

    Renderer renderer() {
        return renderer;
    }

    /** The connections refused so far for being over the connection limit. */
    long refusedConnections() {
        return guard.refused();
    }

    /** Whether a request with this {@code Host} header names this server (see {@link HostCheck}). */
    boolean acceptsHost(String hostHeader) {
        return hostCheck.accepts(hostHeader);
    }

    /** Whether this server asks for a token. */
    boolean needsToken() {
        return token != null;
    }

    /** Whether {@code presented} (from the query or the cookie; may be {@code null}) is the token, if one is needed. */
    boolean authorized(String presented) {
        return token == null || presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The address the server listens on. */
    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    byte[] page() {
        return page;
    }

    DashboardState state() {
        return state;
    }

    /** Whether the run finished: the page then says so and keeps showing the last data. */
    boolean finished() {
        return finished;
    }

    /** Stores {@code entry} as its chart's latest message and sends it to every client of its page. */
    void publish(DashboardState.Entry entry) {
        state.put(entry);
        broadcast(entry.event(), ch -> entry.page().equals(ch.attr(PAGE).get()));
    }

    /** Stores a series' numbers (the series page's list is sent after the frame, see {@link #frameDone}). */
    void publishSeries(DashboardState.SeriesEntry entry) {
        state.putSeries(entry);
    }

    /** Whether some client shows series {@code name}. */
    boolean selected(String name) {
        for (Channel ch : clients) {
            if (name.equals(ch.attr(SELECTED).get())) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code event}, the data of series {@code name}, to the clients showing it. */
    void publishSelected(String name, String event) {
        broadcast(event, ch -> name.equals(ch.attr(SELECTED).get()));
    }

    /** After a frame: sends the series page's list to its clients if a series changed. */
    void frameDone() {
        if (state.takeSeriesChanged()) {
            broadcast(state.topEvent(TOP_SERIES), ch -> "series".equals(ch.attr(PAGE).get()));
        }
    }

    /** Marks the run finished and tells every client; the server goes on serving the last state. */
    void finish() {
        finished = true;
        broadcast(FINISHED, null);
    }

    private static final String FINISHED = "event: finished\ndata: {}\n\n";

    /** The number of event-stream clients connected. */
    int clientCount() {
        return clients.size();
    }

    /** Waits at most {@code timeoutMillis} until {@code n} event-stream clients have connected. */
    boolean awaitClients(int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (clientLock) {
            while (clients.size() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                clientLock.wait(left);
            }
            return true;
        }
    }

    /** Registers {@code channel} as an event stream of {@code page} showing series {@code selected} (or null). */
    boolean tryAddClient(Channel channel, String page, String selected) {
        synchronized (clientLock) {
            if (clients.size() >= MAX_CLIENTS) {
                return false;
            }
            channel.attr(ConnectionGuard.EVENT_STREAM).set(true);
            channel.attr(PAGE).set(page);
            channel.attr(SELECTED).set(selected);
            clients.add(channel);
            clientLock.notifyAll();
            return true;
        }
    }

    /** Sends the current state of its page to {@code channel} (a new or drained client). */
    void sendAll(Channel channel) {
        channel.attr(STALE).set(false);
        String page = channel.attr(PAGE).get();
        StringBuilder sb = new StringBuilder();
        for (DashboardState.Entry e : state.page(page)) {
            sb.append(e.event());
        }
        if ("series".equals(page)) {
            sb.append(state.topEvent(TOP_SERIES));
            String selected = channel.attr(SELECTED).get();
            String data = selected == null ? null : renderer.seriesEvent(selected);
            if (data != null) {
                sb.append(data);
            }
        }
        if (finished) {
            sb.append(FINISHED);
        }
        sb.append(": connected\n\n");
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(sb, StandardCharsets.UTF_8)));
    }

    void catchUp(Channel channel) {
        if (Boolean.TRUE.equals(channel.attr(STALE).get()) && clients.contains(channel)) {
            sendAll(channel);
        }
    }

    private void broadcast(String text, java.util.function.Predicate<Channel> to) {
        ByteBuf bytes = null;
        for (Channel ch : clients) {
            if (to != null && !to.test(ch)) {
                continue;
            }
            if (ch.isWritable()) {
                if (bytes == null) {
                    bytes = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
                }
                ch.writeAndFlush(new DefaultHttpContent(bytes.retainedDuplicate()));
            } else {
                ch.attr(STALE).set(true);
            }
        }
        if (bytes != null) {
            bytes.release();
        }
    }

    /** Closes every connection and stops the server. */
    @Override
    public void close() {
        clients.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
