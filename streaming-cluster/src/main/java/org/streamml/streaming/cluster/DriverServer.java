package org.streamml.streaming.cluster;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The driver's listening side: accepts worker connections, runs the handshake (protocol and code
 * versions, the secret's challenge-response, the registration table), then hands admitted workers and
 * their messages to a {@link Listener}. A peer that fails the handshake is answered with a reason,
 * logged and disconnected; the server keeps running.
 */
final class DriverServer implements AutoCloseable {

    /** What the server reports about workers. Called on network threads. */
    interface Listener {
        /** A worker passed the handshake. */
        void joined(int workerId, Channel channel, Message.Register registration);

        /** A message from an admitted worker (task results and failures). */
        void received(int workerId, Message message);

        /** An admitted worker's connection closed. */
        void lost(int workerId);
    }

    private final ClusterOptions options;
    private final Serialization serialization;
    private final String codeVersion;
    private final Listener listener;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final AtomicInteger workerIds = new AtomicInteger();
    private final ChannelGroup connections = new DefaultChannelGroup("streamml-workers", GlobalEventExecutor.INSTANCE);

    /** Starts listening at the options' bind address. */
    DriverServer(ClusterOptions options, Serialization serialization, String codeVersion, Listener listener) {
        this.options = options;
        this.serialization = serialization;
        this.codeVersion = codeVersion;
        this.listener = listener;
        this.group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("streamml-driver-net", true),
                NioIoHandler.newFactory());
        try {
            this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            Wire.configure(ch, options.maxFrameBytes(), options.heartbeatIntervalMillis(),
                                    options.heartbeatTimeoutMillis(), new Handshake());
                        }
                    })
                    .bind(options.bindHost(), options.port()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
            throw new IllegalArgumentException("cannot listen on " + options.bindHost() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The address workers connect to. */
    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** A fresh handshake handler, as each accepted connection gets (tests drive it directly). */
    io.netty.channel.ChannelInboundHandlerAdapter newHandshake() {
        return new Handshake();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The driver side of the handshake, replaced by a {@link Session} once the worker is admitted. */
    private final class Handshake extends SimpleChannelInboundHandler<Message> {
        private final byte[] nonce = Wire.nonce();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(new Message.Challenge(Message.PROTOCOL_VERSION, codeVersion, nonce,
                    options.heartbeatIntervalMillis(), options.heartbeatTimeoutMillis(), options.maxFrameBytes()));
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
            if (!(msg instanceof Message.Register r)) {
                reject(ctx, "expected a registration, got " + msg.getClass().getSimpleName());
            } else if (r.protocolVersion() != Message.PROTOCOL_VERSION) {
                reject(ctx, "protocol version " + r.protocolVersion() + " is not the driver's "
                        + Message.PROTOCOL_VERSION);
            } else if (!codeVersion.equals(r.codeVersion())) {
                reject(ctx, "code version " + r.codeVersion() + " is not the driver's " + codeVersion
                        + "; start workers with the driver's jar");
            } else if (options.secret() != null && !Wire.verify(options.secret(), nonce, "worker", r.proof())) {
                reject(ctx, "wrong secret");
            } else if (r.cores() < 1 || r.cores() > 4096 || r.nonce() == null || r.nonce().length < 16
                    || r.blockPort() < 1 || r.blockPort() > 65535) {
                reject(ctx, "malformed registration (cores " + r.cores() + ", block port " + r.blockPort() + ")");
            } else {
                int id = workerIds.incrementAndGet();
                String classes = serialization.userClasses().stream().map(Class::getName)
                        .collect(Collectors.joining("\n"));
                ctx.writeAndFlush(new Message.Welcome(id, Wire.proof(options.secret(), r.nonce(), "driver"), classes,
                        serialization.fingerprint(), options.workerCacheRecords()));
                ctx.pipeline().replace(this, "session", new Session(id));
                Wire.LOG.info("worker " + id + " joined from "
                        + ctx.channel().remoteAddress() + " (pid " + r.pid() + ", " + r.cores() + " cores)");
                listener.joined(id, ctx.channel(), r);
            }
        }

        private void reject(ChannelHandlerContext ctx, String reason) {
            Wire.LOG.warn("rejected the peer at " + ctx.channel().remoteAddress() + ": "
                    + reason);
            ctx.writeAndFlush(new Message.Reject(reason)).addListener(ChannelFutureListener.CLOSE);
            ctx.pipeline().remove(this);
        }
    }

    /** An admitted worker's connection: forwards task messages, reports the loss of the connection. */
    private final class Session extends SimpleChannelInboundHandler<Message> {
        private final int workerId;

        Session(int workerId) {
            this.workerId = workerId;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
            if (msg instanceof Message.TaskResult || msg instanceof Message.TaskFailed) {
                listener.received(workerId, msg);
            } else {
                Wire.LOG.warn("worker " + workerId + " sent an unexpected "
                        + msg.getClass().getSimpleName() + "; disconnecting");
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            listener.lost(workerId);
            ctx.fireChannelInactive();
        }
    }
}
