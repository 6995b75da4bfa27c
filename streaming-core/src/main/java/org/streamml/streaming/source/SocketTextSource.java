package org.streamml.streaming.source;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.streamml.streaming.Source;
import org.streamml.streaming.Time;

/**
 * UTF-8 text lines received from a TCP server (Spark's {@code socketTextStream}): a receiver on a netty
 * event loop thread connects to {@code host:port} and puts each line into a bounded buffer; each batch
 * takes what is buffered (at most {@link Options#maxLinesPerBatch()}).
 *
 * <p><b>Backpressure:</b> when the buffer is full the receiver stops reading from the connection, so the
 * TCP window closes and the sender blocks; it reads again once a batch has made room. The buffer never
 * holds more than {@link Options#capacity()} lines and nothing is dropped. Bytes already read but not
 * yet split into lines are bounded by one socket read plus {@link Options#maxLineBytes()}.
 *
 * <p>When the server closes the connection the source is exhausted once every line has been taken (Spark
 * would restart the receiver). Not replayable: what was received and not yet processed is lost if the
 * process dies; {@link #offset()} counts lines taken.
 */
public final class SocketTextSource implements Source<String> {

    /**
     * Settings of a socket source.
     *
     * @param capacity lines the buffer holds at most, >= 1
     * @param maxLinesPerBatch lines one batch takes at most, >= 1
     * @param maxLineBytes the longest accepted line in bytes, >= 1; a longer one fails the source
     * @param connectTimeoutMillis how long to try to connect, >= 1
     * @param receiveBufferBytes the socket's receive buffer (SO_RCVBUF), >= 1, bounding what the kernel
     *        holds for a paused receiver
     */
    public record Options(int capacity, int maxLinesPerBatch, int maxLineBytes, int connectTimeoutMillis,
                          int receiveBufferBytes) {

        /** Validates the settings. */
        public Options {
            positive("capacity", capacity);
            positive("lines per batch", maxLinesPerBatch);
            positive("max line bytes", maxLineBytes);
            positive("connect timeout ms", connectTimeoutMillis);
            positive("receive buffer bytes", receiveBufferBytes);
        }

        private static void positive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be >= 1: " + value);
            }
        }

        /**
         * A 10,000-line buffer, batches of up to 10,000 lines, lines up to 1 MiB, a 10 s connect timeout and
         * a 1 MiB socket receive buffer.
         */
        public static Options defaults() {
            return new Options(10_000, 10_000, 1 << 20, 10_000, 1 << 20);
        }

        /** A copy with another buffer capacity. */
        public Options withCapacity(int n) {
            return new Options(n, maxLinesPerBatch, maxLineBytes, connectTimeoutMillis, receiveBufferBytes);
        }

        /** A copy with another per-batch limit. */
        public Options withMaxLinesPerBatch(int n) {
            return new Options(capacity, n, maxLineBytes, connectTimeoutMillis, receiveBufferBytes);
        }

        /** A copy with another maximum line length. */
        public Options withMaxLineBytes(int n) {
            return new Options(capacity, maxLinesPerBatch, n, connectTimeoutMillis, receiveBufferBytes);
        }

        /** A copy with another connect timeout. */
        public Options withConnectTimeoutMillis(int n) {
            return new Options(capacity, maxLinesPerBatch, maxLineBytes, n, receiveBufferBytes);
        }

        /** A copy with another socket receive buffer size. */
        public Options withReceiveBufferBytes(int n) {
            return new Options(capacity, maxLinesPerBatch, maxLineBytes, connectTimeoutMillis, n);
        }
    }

    private static final AtomicInteger RECEIVER_IDS = new AtomicInteger();

    private final String host;
    private final int port;
    private final Options options;
    private final LineBuffer buffer;
    private EventLoopGroup group;
    private Channel channel;
    private LineReceiver receiver;
    private long offset;

    /** A source of the lines sent by the server at {@code host:port}. */
    public SocketTextSource(String host, int port, Options options) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        this.port = port;
        this.options = Objects.requireNonNull(options, "options");
        this.buffer = new LineBuffer(options.capacity());
    }

    @Override
    public synchronized void start() throws IOException {
        int id = RECEIVER_IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "streamml-socket-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        group = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        receiver = new LineReceiver(buffer, options.maxLineBytes(), host + ":" + port);
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, options.connectTimeoutMillis())
                .option(ChannelOption.SO_RCVBUF, options.receiveBufferBytes())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(receiver);
                    }
                });
        ChannelFuture f = b.connect(host, port).awaitUninterruptibly();
        if (!f.isSuccess()) {
            shutdown();
            Throwable c = f.cause();
            throw new IOException("cannot connect to " + host + ":" + port + ": "
                    + (c == null ? "timed out" : c.getMessage()), c);
        }
        channel = f.channel();
    }

    @Override
    public List<String> poll(Time batchTime) throws IOException {
        LineReceiver r;
        synchronized (this) {
            r = receiver;
        }
        if (r == null) {
            throw new IllegalStateException("the socket source was not started");
        }
        r.checkFailure();
        List<String> out = new ArrayList<>(Math.min(options.maxLinesPerBatch(), buffer.size()));
        if (buffer.drainTo(out, options.maxLinesPerBatch())) {
            r.resume();
        }
        synchronized (this) {
            offset += out.size();
        }
        return out;
    }

    @Override
    public boolean isExhausted() {
        LineReceiver r = receiver;
        return r != null && r.isFinished() && buffer.size() == 0;
    }

    /** The number of lines taken so far (a count: the source is not replayable). */
    public synchronized long offset() {
        return offset;
    }

    /** The number of lines received and not yet taken by a batch. */
    public int buffered() {
        return buffer.size();
    }

    /** The most lines the buffer ever held at once; never more than the capacity. */
    public int highWaterMark() {
        return buffer.highWaterMark();
    }

    /** Whether the connection has ended (closed by the server, or failed) and every line is in the buffer. */
    public boolean isReceiveFinished() {
        LineReceiver r = receiver;
        return r != null && r.isFinished();
    }

    /** Whether the receiver has stopped reading because the buffer is full. */
    public boolean isPaused() {
        LineReceiver r = receiver;
        return r != null && r.isPaused();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
            channel = null;
        }
        shutdown();
    }

    private void shutdown() {
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
    }
}
