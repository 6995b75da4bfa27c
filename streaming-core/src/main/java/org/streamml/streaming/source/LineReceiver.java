package org.streamml.streaming.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.streamml.streaming.ReceiverSource;
import org.streamml.streaming.io.Quote;

/**
 * The receiver of a {@link SocketTextSource}: a loop, run by one daemon thread, that reads the socket,
 * splits the bytes into lines ({@code \n} or {@code \r\n}) and moves them into a {@link LineBuffer} while
 * it has room. When the buffer is full the loop waits before reading again, so the socket's receive buffer
 * fills, the TCP window closes and the sender blocks; {@link #resume} (called after a batch made room)
 * wakes it. Bytes not yet split into lines are kept in one array bounded by a read plus the longest line.
 *
 * <p>Each line is decoded as strict UTF-8. A line that is not valid UTF-8 or longer than the limit is a bad
 * record: under {@link BadRecordPolicy#FAIL} it is recorded as the failure (after every earlier line went
 * into the buffer) and the loop ends; under {@link BadRecordPolicy#SKIP_AND_COUNT} it is counted and
 * dropped (the rest of a long line is discarded up to its newline, without being held).
 */
final class LineReceiver implements Runnable {
    private static final int READ_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SocketTextSource.class);

    private final Socket socket;
    private final LineBuffer buffer;
    private final int maxLineBytes;
    private final String peer;
    private final BadRecordPolicy policy;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final AtomicLong skipped = new AtomicLong();
    private final Object room = new Object();
    /** Lines split from the bytes read, not yet logged and buffered; never more than the buffer's free room. */
    private final List<String> block = new ArrayList<>();
    private final ReceiverSource.ReceivedLog<String> log;
    private byte[] pending;
    private int start;
    private int end;
    /** The lines seen so far, good and bad: the number of the line at {@code start} is this plus one. */
    private long lineNumber;
    /** The offset in the connection's byte stream of {@code pending[start]}. */
    private long startOffset;
    /** Whether the rest of a skipped long line is being thrown away up to its newline. */
    private boolean discarding;
    private boolean wakeRequested;
    private volatile boolean closed;
    private volatile boolean paused;
    private volatile boolean finished;
    private volatile Throwable failure;

    LineReceiver(Socket socket, LineBuffer buffer, int maxLineBytes, BadRecordPolicy policy, String peer,
                 ReceiverSource.ReceivedLog<String> log) {
        this.socket = socket;
        this.log = log;
        this.buffer = buffer;
        this.maxLineBytes = maxLineBytes;
        this.policy = policy;
        this.peer = peer;
        this.pending = new byte[2 * READ_BYTES];
    }

    /** Reads until the peer closes, the receiver fails or {@link #close} is called. */
    @Override
    public void run() {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (!closed) {
                makeRoomToRead();
                int n = in.read(pending, end, pending.length - end);
                if (n < 0) {
                    splitLines(true);
                    finished = true;
                    return;
                }
                end += n;
                splitLines(false);
            }
        } catch (IOException e) {
            if (!closed) {
                fail(new IOException("receiving from " + peer + " failed: " + e.getMessage(), e));
            }
        } catch (InterruptedException | BadLine stopped) {
            // closed while waiting for room, or failed on a bad line already: nothing left to read
        }
    }

    /** After a batch made room in a full buffer: wakes the receiver so it moves lines on and reads again. */
    void resume() {
        synchronized (room) {
            wakeRequested = true;
            room.notifyAll();
        }
    }

    boolean isPaused() {
        return paused;
    }

    /** Whether the peer closed and every line received has gone into the buffer. */
    boolean isFinished() {
        return finished || failure != null;
    }

    /** Whether the receiver stopped on a failure (a bad line under FAIL, or a broken connection). */
    boolean hasFailed() {
        return failure != null;
    }

    /** The bad lines skipped under {@link BadRecordPolicy#SKIP_AND_COUNT}. */
    long skipped() {
        return skipped.get();
    }

    /** Throws the failure that stopped the receiver, if any. */
    void checkFailure() throws IOException {
        Throwable f = failure;
        if (f != null) {
            throw f instanceof IOException io ? io : new IOException(f.getMessage(), f);
        }
    }

    /** Stops the receiver: closes the socket, which ends a blocked read, and wakes a wait for room. */
    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is asked; the receiver thread ends either way
        }
        resume();
    }

    /** Moves the unsplit bytes to the front, growing the array only to hold a read after a long line. */
    private void makeRoomToRead() {
        if (start > 0) {
            System.arraycopy(pending, start, pending, 0, end - start);
            end -= start;
            start = 0;
        }
        if (pending.length - end < READ_BYTES) {
            pending = Arrays.copyOf(pending, end + READ_BYTES);
        }
    }

    /**
     * Splits the complete lines of what was read and delivers them: logged first (when the context
     * checkpoints), then buffered, so a line is in the buffer only once it is on the disk.
     */
    private void splitLines(boolean peerClosed) throws InterruptedException, BadLine, IOException {
        try {
            split(peerClosed);
        } finally {
            deliver();
        }
    }

    /** Logs the lines split so far and puts them into the buffer, which has room for all of them. */
    private void deliver() throws IOException {
        if (block.isEmpty()) {
            return;
        }
        if (log != null) {
            try {
                log.append(block);
            } catch (IOException e) {
                block.clear();
                throw new IOException("cannot log the lines received to the write-ahead log: " + e.getMessage(), e);
            }
        }
        for (String line : block) {
            buffer.offer(line);
        }
        block.clear();
    }

    private void split(boolean peerClosed) throws InterruptedException, BadLine, IOException {
        while (true) {
            int eol = indexOfNewline();
            if (discarding) {
                // The rest of a skipped long line: drop it up to and including its newline.
                int dropTo = eol >= 0 ? eol + 1 : end;
                advance(dropTo);
                if (eol < 0) {
                    return;
                }
                discarding = false;
                continue;
            }
            int lineEnd;
            int skip;
            if (eol >= 0) {
                lineEnd = eol;
                skip = 1;
            } else if (peerClosed && end > start) {
                lineEnd = end;
                skip = 0;
            } else {
                break;
            }
            int length = lineEnd - start;
            if (length > 0 && pending[lineEnd - 1] == '\r') {
                length--;
            }
            if (length > maxLineBytes) {
                tooLong();
                lineNumber++;
                advance(lineEnd + skip);
                continue;
            }
            String line;
            try {
                line = utf8.decode(ByteBuffer.wrap(pending, start, length)).toString();
            } catch (CharacterCodingException e) {
                bad("is not valid UTF-8", "UTF-8 text", Quote.of(new String(pending, start,
                        Math.min(length, 4 * Quote.LIMIT), StandardCharsets.UTF_8)));
                lineNumber++;
                advance(lineEnd + skip);
                continue;
            }
            if (block.size() >= buffer.room()) {
                deliver();
                awaitRoom();
            }
            lineNumber++;
            block.add(line);
            advance(lineEnd + skip);
        }
        if (end - start > maxLineBytes) {
            // No newline within the limit: the line is bad whatever follows; skipping drops it as it arrives.
            tooLong();
            lineNumber++;
            advance(end);
            discarding = !peerClosed;
        }
    }

    /** Moves {@code start} to {@code index}, keeping the byte offset of {@code start}. */
    private void advance(int index) {
        startOffset += index - start;
        start = index;
    }

    private void tooLong() throws BadLine, IOException {
        bad("is longer than " + maxLineBytes + " bytes", "maxLineBytes " + maxLineBytes, "starts with "
                + Quote.of(new String(pending, start, Math.min(end - start, Quote.LIMIT), StandardCharsets.UTF_8)));
    }

    /**
     * A bad line at {@code start}: under FAIL records the failure and ends the loop; under SKIP_AND_COUNT
     * counts it (logging the first) and returns, and the caller drops it.
     */
    private void bad(String what, String rule, String quoted) throws BadLine, IOException {
        String where = peer + ": line " + (lineNumber + 1) + " (byte offset " + startOffset + ") " + what;
        if (policy == BadRecordPolicy.FAIL) {
            // The good lines before the bad one are buffered before the failure shows.
            deliver();
            fail(new IOException(where + " (rule: " + rule + "; bad-record policy FAIL, SKIP_AND_COUNT skips such"
                    + " lines): " + quoted));
            throw new BadLine();
        }
        if (skipped.incrementAndGet() == 1) {
            LOG.warn(where + ": skipped (rule: " + rule + "; bad-record policy SKIP_AND_COUNT; later bad lines"
                    + " are only counted): " + quoted);
        }
    }

    private int indexOfNewline() {
        for (int i = start; i < end; i++) {
            if (pending[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Waits, not reading meanwhile, until the buffer has room for one more line. */
    private void awaitRoom() throws InterruptedException {
        while (!buffer.hasRoomOrWait()) {
            paused = true;
            synchronized (room) {
                while (!wakeRequested && !closed) {
                    room.wait();
                }
                wakeRequested = false;
            }
            if (closed) {
                throw new InterruptedException("the receiver was closed");
            }
        }
        paused = false;
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    /** Ends the receive loop after a bad line was recorded as the failure. */
    private static final class BadLine extends Exception {
        BadLine() {
            super(null, null, false, false);
        }
    }
}
