package org.streamml.streaming.source;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The netty handler of a {@link SocketTextSource}: splits the received bytes into lines ({@code \n} or
 * {@code \r\n}) and moves them into a {@link LineBuffer} while it has room. When it is full the handler
 * turns auto-read off, keeping the undivided bytes, so TCP flow control slows the sender; {@link #resume}
 * (called after a batch took lines) moves the kept lines on and turns reading back on. All state is
 * touched on the channel's event loop only.
 */
@ChannelHandler.Sharable
final class LineReceiver extends ChannelInboundHandlerAdapter {
    private final LineBuffer buffer;
    private final int maxLineBytes;
    private final String peer;
    private ChannelHandlerContext ctx;
    private ByteBuf pending;
    private long lineNumber;
    private volatile boolean paused;
    private volatile boolean peerClosed;
    private volatile boolean finished;
    private volatile Throwable failure;

    LineReceiver(LineBuffer buffer, int maxLineBytes, String peer) {
        this.buffer = buffer;
        this.maxLineBytes = maxLineBytes;
        this.peer = peer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        pending = context.alloc().buffer(1024);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            pending.writeBytes(in);
        } finally {
            in.release();
        }
        drain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        peerClosed = true;
        drain();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail(new IOException("receiving from " + peer + " failed: " + cause.getMessage(), cause));
    }

    /** After a batch made room in a full buffer: moves kept lines into it and reads again if room is left. */
    void resume() {
        if (ctx != null) {
            try {
                ctx.executor().execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the receiver is shutting down: there is nothing left to read
            }
        }
    }

    boolean isPaused() {
        return paused;
    }

    /** Whether the peer closed and every line received has gone into the buffer. */
    boolean isFinished() {
        return finished || failure != null;
    }

    /** Throws the failure that stopped the receiver, if any. */
    void checkFailure() throws IOException {
        Throwable f = failure;
        if (f != null) {
            throw f instanceof IOException io ? io : new IOException(f.getMessage(), f);
        }
    }

    private void drain() {
        if (pending == null) {
            return;
        }
        while (true) {
            if (!buffer.hasRoomOrWait()) {
                pause();
                return;
            }
            int eol = pending.indexOf(pending.readerIndex(), pending.writerIndex(), (byte) '\n');
            int end;
            int skip;
            if (eol >= 0) {
                end = eol;
                skip = 1;
            } else if (peerClosed && pending.isReadable()) {
                end = pending.writerIndex();
                skip = 0;
            } else {
                break;
            }
            int length = end - pending.readerIndex();
            if (length > 0 && pending.getByte(end - 1) == '\r') {
                length--;
            }
            if (length > maxLineBytes) {
                fail(new IOException(peer + ": line " + (lineNumber + 1) + " is longer than " + maxLineBytes
                        + " bytes"));
                return;
            }
            lineNumber++;
            buffer.offer(pending.toString(pending.readerIndex(), length, StandardCharsets.UTF_8));
            pending.readerIndex(end + skip);
        }
        if (pending.readableBytes() > maxLineBytes) {
            fail(new IOException(peer + ": line " + (lineNumber + 1) + " is longer than " + maxLineBytes + " bytes"));
            return;
        }
        pending.discardSomeReadBytes();
        if (peerClosed) {
            finished = true;
        }
        if (paused || !ctx.channel().config().isAutoRead()) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void pause() {
        paused = true;
        ctx.channel().config().setAutoRead(false);
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        ctx.close();
    }
}
