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
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A worker's block server: other workers (fetching the shuffle buckets their reduce tasks need) and the
 * driver (reading a kept partition's records) fetch blocks here. The same wire as the driver's
 * connection: length-framed kryo messages, a challenge that the peer answers with
 * HMAC-SHA256(secret, nonce) ({@link Message.PeerHello}) before any {@link Message.FetchBlock} is
 * answered; a peer failing that is rejected and disconnected. Blocks are encoded on a small pool, off
 * the network thread.
 */
final class BlockServer implements AutoCloseable {
    private final String secret;
    private final int maxFrameBytes;
    private final long heartbeatMillis;
    private final long timeoutMillis;
    private final EventLoopGroup group;
    private final ExecutorService encoders;
    private final Channel serverChannel;
    private volatile Serialization serialization;
    private volatile BlockStore store;

    /** Listens on {@code bind}, a free port; answers every fetch with "missing" until {@link #serve}. */
    BlockServer(InetAddress bind, String secret, int maxFrameBytes, long heartbeatMillis,
                long timeoutMillis) {
        this.secret = secret;
        this.maxFrameBytes = maxFrameBytes;
        this.heartbeatMillis = heartbeatMillis;
        this.timeoutMillis = timeoutMillis;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("streamml-block-server", true),
                NioIoHandler.newFactory());
        this.encoders = Executors.newFixedThreadPool(2, new DefaultThreadFactory("streamml-block-encode", true));
        try {
            this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            Wire.configure(ch, maxFrameBytes, heartbeatMillis, timeoutMillis, new Session());
                        }
                    })
                    .bind(new InetSocketAddress(bind, 0)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot start the block server on " + bind + ": " + e.getMessage(), e);
        }
    }

    /** The port peers connect to. */
    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Starts answering fetches from {@code blocks}, encoding them with {@code s} (the worker's store and
     * serialization, made once the driver has welcomed it).
     */
    void serve(Serialization s, BlockStore blocks) {
        this.store = blocks;
        this.serialization = s;
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        encoders.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** One peer's connection: challenge, then fetches. */
    private final class Session extends SimpleChannelInboundHandler<Message> {
        private final byte[] nonce = Wire.nonce();
        private boolean admitted;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(new Message.Challenge(Message.PROTOCOL_VERSION, CodeVersion.current(), nonce,
                    heartbeatMillis, timeoutMillis, maxFrameBytes));
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
            if (!admitted && msg instanceof Message.PeerHello h) {
                if (h.protocolVersion() != Message.PROTOCOL_VERSION || !CodeVersion.current().equals(h.codeVersion())) {
                    reject(ctx, "the peer runs protocol " + h.protocolVersion() + " / code " + h.codeVersion());
                } else if (secret != null && !Wire.verify(secret, nonce, "peer", h.proof())) {
                    reject(ctx, "wrong secret");
                } else {
                    admitted = true;
                }
            } else if (admitted && msg instanceof Message.FetchBlock f) {
                Channel ch = ctx.channel();
                try {
                    encoders.execute(() -> ch.writeAndFlush(answer(f)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
                } catch (RejectedExecutionException e) {
                    ctx.close();
                }
            } else {
                reject(ctx, "unexpected " + msg.getClass().getSimpleName());
            }
        }

        private Message.BlockData answer(Message.FetchBlock f) {
            Serialization s = serialization;
            BlockStore blocks = store;
            List<?> block = s == null || blocks == null ? null : blocks.get(f.blockId());
            if (block == null || f.element() < -1 || f.element() >= block.size()) {
                return new Message.BlockData(f.requestId(), null, null);
            }
            byte[] data;
            try {
                data = s.serialize(f.element() < 0 ? block : block.get(f.element()));
            } catch (RuntimeException e) {
                // Said to the peer, which fails the task with it, instead of leaving it to time out.
                return new Message.BlockData(f.requestId(), null, "block " + f.blockId() + " cannot be encoded: "
                        + e.getMessage());
            }
            if (data.length + 64L > maxFrameBytes) {
                return new Message.BlockData(f.requestId(), null, "block " + f.blockId() + " encodes to " + data.length
                        + " bytes, over the maximum frame size " + maxFrameBytes
                        + " (use more partitions, or ClusterOptions.withMaxFrameBytes)");
            }
            return new Message.BlockData(f.requestId(), data, null);
        }

        private void reject(ChannelHandlerContext ctx, String reason) {
            Wire.LOG.warn("block server rejected " + ctx.channel().remoteAddress() + ": "
                    + reason);
            ctx.writeAndFlush(new Message.Reject(reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
