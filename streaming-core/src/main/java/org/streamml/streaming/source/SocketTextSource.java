package org.streamml.streaming.source;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.streamml.streaming.ReceiverSource;
import org.streamml.streaming.Time;

/**
 * UTF-8 text lines received from a TCP server (Spark's {@code socketTextStream}): a receiver thread
 * (a daemon, plain JDK blocking sockets) connects to {@code host:port} and puts each line into a bounded buffer; each batch
 * takes what is buffered (at most {@link Options#maxLinesPerBatch()}).
 *
 * <p><b>Backpressure:</b> when the buffer is full the receiver stops reading from the connection, so the
 * TCP window closes and the sender blocks; it reads again once a batch has made room. The buffer never
 * holds more than {@link Options#capacity()} lines and nothing is dropped. Bytes already read but not
 * yet split into lines are bounded by one socket read plus {@link Options#maxLineBytes()}.
 *
 * <p><b>Bad lines:</b> a line that is not valid UTF-8 (never silently replaced by U+FFFD) or longer than
 * {@link Options#maxLineBytes()} is handled by {@link Options#badRecords()}: under
 * {@link BadRecordPolicy#FAIL} the stream fails with an error naming {@code host:port}, the line number,
 * its byte offset in the connection and the rule; under {@link BadRecordPolicy#SKIP_AND_COUNT} the line
 * is dropped and counted ({@link #skippedRecords()}), the first one logged. Either way every complete
 * line received before the bad one is delivered to a batch before the failure takes effect.
 *
 * <p>When the server closes the connection the source is exhausted once every line has been taken (Spark
 * would restart the receiver). Not replayable, but a {@link ReceiverSource}: when the context
 * checkpoints, every line is on the disk in the write-ahead log before it enters the buffer, so a driver
 * that dies loses none of the lines it received (lines still in the kernel's socket buffer were never
 * received). Without a checkpoint directory, lines received and not yet processed are lost with the
 * process. {@link #offset()} counts lines taken.
 */
public final class SocketTextSource implements ReceiverSource<String> {

    /**
     * Settings of a socket source.
     *
     * @param capacity lines the buffer holds at most, >= 1
     * @param maxLinesPerBatch lines one batch takes at most, >= 1
     * @param maxLineBytes the longest accepted line in bytes, >= 1; a longer one fails the source
     * @param connectTimeoutMillis how long to try to connect, >= 1
     * @param receiveBufferBytes the socket's receive buffer (SO_RCVBUF), >= 1, bounding what the kernel
     *        holds for a paused receiver
     * @param badRecords what a line that is not valid UTF-8 or longer than {@code maxLineBytes} does:
     *        fail the stream ({@link BadRecordPolicy#FAIL}, the default) or be skipped and counted
     */
    public record Options(int capacity, int maxLinesPerBatch, int maxLineBytes, int connectTimeoutMillis,
                          int receiveBufferBytes, BadRecordPolicy badRecords) {

        /** Settings that fail the stream on a bad line. */
        public Options(int capacity, int maxLinesPerBatch, int maxLineBytes, int connectTimeoutMillis,
                       int receiveBufferBytes) {
            this(capacity, maxLinesPerBatch, maxLineBytes, connectTimeoutMillis, receiveBufferBytes,
                    BadRecordPolicy.FAIL);
        }

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(badRecords, "badRecords");
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
         * A 10,000-line buffer, batches of up to 10,000 lines, lines up to 1 MiB, a 10 s connect timeout,
         * a 1 MiB socket receive buffer and {@link BadRecordPolicy#FAIL}.
         */
        public static Options defaults() {
            return new Options(10_000, 10_000, 1 << 20, 10_000, 1 << 20);
        }

        /** A copy with another buffer capacity. */
        public Options withCapacity(int n) {
            return new Options(n, maxLinesPerBatch, maxLineBytes, connectTimeoutMillis, receiveBufferBytes, badRecords);
        }

        /** A copy with another per-batch limit. */
        public Options withMaxLinesPerBatch(int n) {
            return new Options(capacity, n, maxLineBytes, connectTimeoutMillis, receiveBufferBytes, badRecords);
        }

        /** A copy with another maximum line length. */
        public Options withMaxLineBytes(int n) {
            return new Options(capacity, maxLinesPerBatch, n, connectTimeoutMillis, receiveBufferBytes, badRecords);
        }

        /** A copy with another connect timeout. */
        public Options withConnectTimeoutMillis(int n) {
            return new Options(capacity, maxLinesPerBatch, maxLineBytes, n, receiveBufferBytes, badRecords);
        }

        /** A copy with another socket receive buffer size. */
        public Options withReceiveBufferBytes(int n) {
            return new Options(capacity, maxLinesPerBatch, maxLineBytes, connectTimeoutMillis, n, badRecords);
        }

        /** A copy with another bad-record policy. */
        public Options withBadRecords(BadRecordPolicy policy) {
            return new Options(capacity, maxLinesPerBatch, maxLineBytes, connectTimeoutMillis, receiveBufferBytes,
                    policy);
        }
    }

    private static final AtomicInteger RECEIVER_IDS = new AtomicInteger();

    private final String host;
    private final int port;
    private final Options options;
    private final LineBuffer buffer;
    private LineReceiver receiver;
    private Thread receiverThread;
    private ReceivedLog<String> log;
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
        Socket socket = new Socket();
        try {
            // Set before connecting: the receive window is negotiated in the handshake.
            socket.setReceiveBufferSize(options.receiveBufferBytes());
            socket.connect(new InetSocketAddress(host, port), options.connectTimeoutMillis());
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        receiver = new LineReceiver(socket, buffer, options.maxLineBytes(), options.badRecords(), host + ":" + port,
                log);
        receiverThread = new Thread(receiver, "streamml-socket-" + RECEIVER_IDS.incrementAndGet());
        receiverThread.setDaemon(true);
        receiverThread.start();
    }

    /** Logs every line received to the context's write-ahead log before buffering it. */
    @Override
    public synchronized void logReceived(ReceivedLog<String> log) {
        if (receiver != null) {
            throw new IllegalStateException("the write-ahead log must be given before the source starts");
        }
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Puts the lines received before a restart that no batch took at the head of the buffer. */
    @Override
    public void restoreReceived(List<String> records) {
        buffer.restoreFirst(records);
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
        // The failure is read before draining: every line received before it is in the buffer by then, so
        // the lines before a fault all reach a batch before the fault fails the stream.
        boolean failed = r.hasFailed();
        List<String> out = new ArrayList<>(Math.min(options.maxLinesPerBatch(), buffer.size()));
        if (buffer.drainTo(out, options.maxLinesPerBatch())) {
            r.resume();
        }
        if (failed && out.isEmpty()) {
            r.checkFailure();
        }
        synchronized (this) {
            offset += out.size();
        }
        return out;
    }

    @Override
    public boolean isExhausted() {
        LineReceiver r = receiver;
        // A failed receiver is not exhausted: the next poll reports the failure.
        return r != null && r.isFinished() && !r.hasFailed() && buffer.size() == 0;
    }

    /**
     * The bad lines skipped under {@link BadRecordPolicy#SKIP_AND_COUNT} (not valid UTF-8, or longer than
     * {@link Options#maxLineBytes()}); always 0 under {@link BadRecordPolicy#FAIL}.
     */
    public long skippedRecords() {
        LineReceiver r = receiver;
        return r == null ? 0 : r.skipped();
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

    /** Closes the connection and waits (up to two seconds) for the receiver thread to end. */
    @Override
    public synchronized void close() {
        if (receiver != null) {
            receiver.close();
        }
        if (receiverThread != null) {
            try {
                receiverThread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            receiverThread = null;
        }
    }
}
