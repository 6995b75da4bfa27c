package org.streamml.streaming.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A worker process's connection to its driver: registers (answering the driver's challenge with the
 * shared secret and checking the driver's answer), then runs the partition tasks it receives on
 * {@code cores} threads and sends back their results. It ends when the driver goes away.
 *
 * <pre>{@code
 * try (Worker w = Worker.connect("driver-host", 7077, 4, secret, ClusterOptions.defaults().maxFrameBytes())) {
 *     System.exit(w.awaitTermination());
 * }
 * }</pre>
 */
public final class Worker implements AutoCloseable {
    private final int cores;
    private final String secret;
    private final int maxFrameBytes;
    private final EventLoopGroup group;
    private final ExecutorService pool;
    private final Channel channel;
    private volatile boolean registered;
    private volatile String failure;
    private volatile BlockServer blockServer;
    private volatile BlockClient blockClient;

    private Worker(String host, int port, int cores, String secret, int maxFrameBytes) {
        this.cores = cores;
        this.secret = secret;
        this.maxFrameBytes = maxFrameBytes;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("streamml-worker-net", true),
                NioIoHandler.newFactory());
        this.pool = Executors.newFixedThreadPool(cores, new DefaultThreadFactory("streamml-worker-task", true));
        ClusterOptions d = ClusterOptions.defaults();
        try {
            this.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            Wire.configure(ch, maxFrameBytes, d.heartbeatIntervalMillis(), d.heartbeatTimeoutMillis(),
                                    new Handshake());
                        }
                    })
                    .connect(host, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw new IllegalArgumentException("cannot connect to the driver at " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Connects to the driver at {@code host:port} and registers with {@code cores} task threads.
     *
     * @param secret the shared secret, or {@code null} if the driver has none
     * @param maxFrameBytes the largest message this worker accepts; the driver's must not be larger
     */
    public static Worker connect(String host, int port, int cores, String secret, int maxFrameBytes) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1: " + cores);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 1024: " + maxFrameBytes);
        }
        return new Worker(host, port, cores, secret, maxFrameBytes);
    }

    /**
     * Waits until the connection to the driver ends. Returns 0 if the worker had registered (the driver
     * went away, the normal end), 1 if the handshake failed ({@link #failure()} says why).
     */
    public int awaitTermination() throws InterruptedException {
        channel.closeFuture().await();
        return registered ? 0 : 1;
    }

    /** Why the handshake failed, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** Whether the driver accepted this worker. */
    public boolean isRegistered() {
        return registered;
    }

    /** Disconnects and stops the task threads. */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        pool.shutdownNow();
        BlockServer server = blockServer;
        if (server != null) {
            server.close();
        }
        BlockClient client = blockClient;
        if (client != null) {
            client.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private void fail(ChannelHandlerContext ctx, String reason, boolean tellDriver) {
        failure = reason;
        Wire.LOG.error("cannot join the driver at " + ctx.channel().remoteAddress() + ": "
                + reason);
        if (tellDriver) {
            ctx.writeAndFlush(new Message.Reject(reason)).addListener(f -> ctx.close());
        } else {
            ctx.close();
        }
    }

    /** The worker side of the handshake, replaced by a {@link WorkerSession} once welcomed. */
    private final class Handshake extends SimpleChannelInboundHandler<Message> {
        private final byte[] nonce = Wire.nonce();
        private byte[] driverNonce;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
            if (msg instanceof Message.Challenge c && driverNonce == null) {
                onChallenge(ctx, c);
            } else if (msg instanceof Message.Welcome w && driverNonce != null) {
                onWelcome(ctx, w);
            } else if (msg instanceof Message.Reject r) {
                fail(ctx, "the driver rejected this worker: " + r.reason(), false);
            } else {
                fail(ctx, "unexpected " + msg.getClass().getSimpleName() + " during the handshake", false);
            }
        }

        private void onChallenge(ChannelHandlerContext ctx, Message.Challenge c) {
            if (c.protocolVersion() != Message.PROTOCOL_VERSION) {
                fail(ctx, "the driver speaks protocol " + c.protocolVersion() + ", this worker "
                        + Message.PROTOCOL_VERSION, true);
            } else if (!CodeVersion.current().equals(c.codeVersion())) {
                fail(ctx, "the driver runs code " + c.codeVersion() + ", this worker " + CodeVersion.current()
                        + "; start the worker with the driver's jar", true);
            } else if (c.maxFrameBytes() > maxFrameBytes) {
                fail(ctx, "the driver sends frames of up to " + c.maxFrameBytes() + " bytes, this worker accepts "
                        + maxFrameBytes + "; start it with --max-frame-bytes " + c.maxFrameBytes(), true);
            } else if (c.heartbeatIntervalMillis() < 1 || c.heartbeatTimeoutMillis() <= c.heartbeatIntervalMillis()
                    || c.heartbeatTimeoutMillis() > 3_600_000 || c.nonce() == null || c.nonce().length < 16) {
                fail(ctx, "malformed challenge", true);
            } else {
                driverNonce = c.nonce();
                ctx.pipeline().replace("idle", "idle",
                        Wire.idleHandler(c.heartbeatIntervalMillis(), c.heartbeatTimeoutMillis()));
                ctx.pipeline().get(Wire.Heartbeats.class).timeout(c.heartbeatTimeoutMillis());
                // Peers reach this worker's blocks on the interface it reaches the driver with.
                InetAddress local = ((InetSocketAddress) ctx.channel().localAddress()).getAddress();
                try {
                    blockServer = new BlockServer(local, secret, c.maxFrameBytes(), c.heartbeatIntervalMillis(),
                            c.heartbeatTimeoutMillis());
                } catch (RuntimeException e) {
                    fail(ctx, e.getMessage(), true);
                    return;
                }
                blockClient = new BlockClient(secret, c.maxFrameBytes(), c.heartbeatIntervalMillis(),
                        c.heartbeatTimeoutMillis());
                ctx.writeAndFlush(new Message.Register(Message.PROTOCOL_VERSION, CodeVersion.current(),
                        Wire.proof(secret, driverNonce, "worker"), nonce, cores, ProcessHandle.current().pid(),
                        hostName(), blockServer.port()));
            }
        }

        private void onWelcome(ChannelHandlerContext ctx, Message.Welcome w) {
            if (secret != null && !Wire.verify(secret, nonce, "driver", w.proof())) {
                fail(ctx, "the driver did not prove it knows the secret", false);
                return;
            }
            Serialization serialization;
            try {
                serialization = Serialization.ofClassNames(
                        w.classes().isEmpty() ? java.util.List.of() : w.classes().lines().toList(),
                        Worker.class.getClassLoader());
            } catch (RuntimeException e) {
                fail(ctx, "cannot register the driver's classes: " + e.getMessage(), true);
                return;
            }
            if (!serialization.fingerprint().equals(w.fingerprint())) {
                fail(ctx, "the kryo registrations differ from the driver's (different WireTypes services on"
                        + " the class paths?)", true);
                return;
            }
            if (w.cacheRecords() < 1) {
                fail(ctx, "malformed welcome (cache of " + w.cacheRecords() + " records)", true);
                return;
            }
            registered = true;
            BlockStore store = new BlockStore(w.cacheRecords());
            blockServer.serve(serialization, store);
            ctx.pipeline().replace(this, "session", new WorkerSession(pool, serialization, maxFrameBytes, w.workerId(),
                    store, blockClient));
            Wire.LOG.info("registered with the driver at " + ctx.channel().remoteAddress()
                    + " as worker " + w.workerId() + " (" + cores + " cores)");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
