package org.streamml.streaming.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches blocks from workers' {@link BlockServer}s: one connection per server, opened on first use,
 * authenticated with the shared secret, and reused. Used by workers (a reduce task's shuffle buckets) and
 * by the driver (a kept partition's records). Any failure (refused connection, lost connection, the
 * server not having the block, no answer within the timeout) is a {@link BlockMissingException}; a block
 * the server has but cannot send (over the frame size) is an {@link IllegalStateException} saying so.
 */
final class BlockClient implements AutoCloseable {
    private final String secret;
    private final int maxFrameBytes;
    private final long heartbeatMillis;
    private final long timeoutMillis;
    private final EventLoopGroup group;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    BlockClient(String secret, int maxFrameBytes, long heartbeatMillis, long timeoutMillis) {
        this.secret = secret;
        this.maxFrameBytes = maxFrameBytes;
        this.heartbeatMillis = heartbeatMillis;
        this.timeoutMillis = timeoutMillis;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("streamml-block-client", true),
                NioIoHandler.newFactory());
    }

    /**
     * The encoded element {@code element} of block {@code blockId} (-1: the whole block) from the block
     * server at {@code host:port}, waiting at most the heartbeat timeout for it.
     */
    byte[] fetch(String host, int port, long blockId, int element) throws BlockMissingException {
        if (port < 1) {
            throw new BlockMissingException(blockId, "its worker is gone");
        }
        Connection c;
        try {
            c = connections.computeIfAbsent(host + ":" + port, k -> new Connection(host, port));
        } catch (Exception e) {
            throw new BlockMissingException(blockId, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            c.ready.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            connections.remove(host + ":" + port, c);
            c.channel.close();
            throw new BlockMissingException(blockId, "no handshake with " + host + ":" + port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlockMissingException(blockId, "interrupted");
        }
        long id = requestIds.incrementAndGet();
        CompletableFuture<Message.BlockData> answer = new CompletableFuture<>();
        c.pending.put(id, answer);
        if (!c.channel.isActive()) {
            connections.remove(host + ":" + port, c);
            c.pending.remove(id);
            throw new BlockMissingException(blockId, "the connection to " + host + ":" + port + " is closed");
        }
        c.channel.writeAndFlush(new Message.FetchBlock(id, blockId, element))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        try {
            Message.BlockData d = answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (d.data() == null && d.error() != null) {
                throw new IllegalStateException(d.error());
            }
            if (d.data() == null) {
                throw new BlockMissingException(blockId, host + ":" + port + " does not have it");
            }
            return d.data();
        } catch (ExecutionException e) {
            throw new BlockMissingException(blockId, e.getCause().getMessage());
        } catch (TimeoutException e) {
            c.channel.close();
            throw new BlockMissingException(blockId, host + ":" + port + " did not answer within " + timeoutMillis
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlockMissingException(blockId, "interrupted");
        } finally {
            c.pending.remove(id);
        }
    }

    @Override
    public void close() {
        connections.values().forEach(c -> c.channel.close());
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** One server's connection and its requests waiting for an answer. */
    private final class Connection extends SimpleChannelInboundHandler<Message> {
        final Map<Long, CompletableFuture<Message.BlockData>> pending = new ConcurrentHashMap<>();
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final Channel channel;

        Connection(String host, int port) {
            Connection self = this;
            this.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeoutMillis, Integer.MAX_VALUE))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            Wire.configure(ch, maxFrameBytes, heartbeatMillis, timeoutMillis, self);
                        }
                    })
                    .connect(host, port).syncUninterruptibly().channel();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
            if (msg instanceof Message.Challenge c) {
                ctx.writeAndFlush(new Message.PeerHello(Message.PROTOCOL_VERSION, CodeVersion.current(),
                        Wire.proof(secret, c.nonce(), "peer")));
                ready.complete(null);
            } else if (msg instanceof Message.BlockData d) {
                CompletableFuture<Message.BlockData> f = pending.get(d.requestId());
                if (f != null) {
                    f.complete(d);
                }
            } else {
                String why = msg instanceof Message.Reject r ? "rejected: " + r.reason()
                        : "unexpected " + msg.getClass().getSimpleName();
                Wire.LOG.warn("block server " + ctx.channel().remoteAddress() + " " + why);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.values().remove(this);
            IllegalStateException closed = new IllegalStateException("the connection to "
                    + ctx.channel().remoteAddress() + " closed");
            ready.completeExceptionally(closed);
            pending.values().forEach(f -> f.completeExceptionally(closed));
            ctx.fireChannelInactive();
        }
    }
}
