package org.streamml.viz.web;

import io.netty.bootstrap.ServerBootstrap;
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
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's netty HTTP server. It keeps only the latest frame of each chart and at most
 * {@link #MAX_CLIENTS} event streams; a client too slow to take an event is marked stale and sent the
 * current frame of every chart once its connection drains, so nothing queues without bound.
 */
final class DashboardServer implements AutoCloseable {
    /** The most event-stream clients served at once. */
    static final int MAX_CLIENTS = 64;
    /** The most connections open at once, by default (event streams included); more are answered 503. */
    static final int MAX_CONNECTIONS = 256;
    /** How long a connection may send nothing before it is closed, by default (event streams exempt). */
    static final long REQUEST_TIMEOUT_MILLIS = 10_000;
    private static final AttributeKey<Boolean> STALE = AttributeKey.valueOf("streamml.stale");
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final FrameStore frames = new FrameStore();
    private final ChannelGroup clients = new DefaultChannelGroup("dashboard-events", GlobalEventExecutor.INSTANCE);
    private final byte[] page;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final Object clientLock = new Object();
    private final ConnectionGuard guard;
    private final HostCheck hostCheck;

    /** Binds to {@code host}:{@code port} (0 picks a free port) and starts serving, with the default limits. */
    DashboardServer(String host, int port) {
        this(host, port, MAX_CONNECTIONS, REQUEST_TIMEOUT_MILLIS);
    }

    /**
     * Binds to {@code host}:{@code port} and starts serving at most {@code maxConnections} connections at
     * once, closing one that sends nothing for {@code requestTimeoutMillis}.
     */
    DashboardServer(String host, int port, int maxConnections, long requestTimeoutMillis) {
        if (maxConnections < 1 || requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("connection limit and request timeout must be >= 1: " + maxConnections
                    + ", " + requestTimeoutMillis + " ms");
        }
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
        group.next().scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS);
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

    /** The connections refused so far for being over the connection limit. */
    long refusedConnections() {
        return guard.refused();
    }

    /** Whether a request's {@code Host} header names this server (see {@link HostCheck}). */
    boolean acceptsHost(String hostHeader) {
        return hostCheck.accepts(hostHeader);
    }

    /** The address the server listens on. */
    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    byte[] page() {
        return page;
    }

    FrameStore frames() {
        return frames;
    }

    /** Stores {@code frame} as its chart's latest and announces it to every client. */
    void publish(ChartFrame frame) {
        frames.put(frame);
        broadcast(frame.event());
    }

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

    boolean tryAddClient(Channel channel) {
        synchronized (clientLock) {
            if (clients.size() >= MAX_CLIENTS) {
                return false;
            }
            channel.attr(ConnectionGuard.EVENT_STREAM).set(true);
            clients.add(channel);
            clientLock.notifyAll();
            return true;
        }
    }

    /** Sends the current frame of every chart to {@code channel} (a new or drained client). */
    void sendAll(Channel channel) {
        channel.attr(STALE).set(false);
        StringBuilder sb = new StringBuilder();
        for (ChartFrame f : frames.all()) {
            sb.append(f.event());
        }
        sb.append(": connected\n\n");
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(sb, StandardCharsets.UTF_8)));
    }

    void catchUp(Channel channel) {
        if (Boolean.TRUE.equals(channel.attr(STALE).get()) && clients.contains(channel)) {
            sendAll(channel);
        }
    }

    private void broadcast(String text) {
        for (Channel ch : clients) {
            if (ch.isWritable()) {
                ch.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
            } else {
                ch.attr(STALE).set(true);
            }
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
