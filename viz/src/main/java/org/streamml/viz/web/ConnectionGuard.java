package org.streamml.viz.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every dashboard connection: it bounds the connections open at once (one more is
 * answered {@code 503} and closed, so a flood of half-open requests cannot exhaust the process's file
 * descriptors) and closes a connection that sends nothing for the request timeout (a slow or half-open
 * request), except an event stream, which only receives. Refusals are logged at most once a minute.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelDuplexHandler {
    /** Set on a channel that became an event stream: reader idleness is its normal state. */
    static final AttributeKey<Boolean> EVENT_STREAM = AttributeKey.valueOf("streamml.eventStream");
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 31\r\nConnection: close\r\n\r\ntoo many dashboard connections\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private volatile long lastLog;

    ConnectionGuard(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** The connections open now. */
    int open() {
        return open.get();
    }

    /** The connections refused so far for being over the limit. */
    long refused() {
        return refused.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() > maxConnections) {
            long n = refused.incrementAndGet();
            long now = System.nanoTime();
            if (n == 1 || now - lastLog > 60_000_000_000L) {
                lastLog = now;
                LOG.warn("dashboard: refused a connection from " + ctx.channel().remoteAddress() + ": "
                        + maxConnections + " connections are open (" + n + " refused so far)");
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(BUSY)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE
                && !Boolean.TRUE.equals(ctx.channel().attr(EVENT_STREAM).get())) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a peer that resets its connection is not the server's failure
        ctx.close();
    }
}
