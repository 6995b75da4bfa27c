package org.streamml.streaming.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The receiver of a {@link SocketTextSource}: a loop, run by one daemon thread, that reads the socket,
 * splits the bytes into lines ({@code \n} or {@code \r\n}) and moves them into a {@link LineBuffer} while
 * it has room. When the buffer is full the loop waits before reading again, so the socket's receive buffer
 * fills, the TCP window closes and the sender blocks; {@link #resume} (called after a batch made room)
 * wakes it. Bytes not yet split into lines are kept in one array bounded by a read plus the longest line.
 */
final class LineReceiver implements Runnable {
    private static final int READ_BYTES = 64 * 1024;

    private final Socket socket;
    private final LineBuffer buffer;
    private final int maxLineBytes;
    private final String peer;
    private final Object room = new Object();
    private byte[] pending;
    private int start;
    private int end;
    private long lineNumber;
    private boolean wakeRequested;
    private volatile boolean closed;
    private volatile boolean paused;
    private volatile boolean finished;
    private volatile Throwable failure;

    LineReceiver(Socket socket, LineBuffer buffer, int maxLineBytes, String peer) {
        this.socket = socket;
        this.buffer = buffer;
        this.maxLineBytes = maxLineBytes;
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
        } catch (InterruptedException | LineTooLong stopped) {
            // closed while waiting for room, or failed already: nothing left to read
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

    private void splitLines(boolean peerClosed) throws InterruptedException, LineTooLong {
        while (true) {
            int eol = indexOfNewline();
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
                throw tooLong();
            }
            awaitRoom();
            lineNumber++;
            buffer.offer(new String(pending, start, length, StandardCharsets.UTF_8));
            start = lineEnd + skip;
        }
        if (end - start > maxLineBytes) {
            throw tooLong();
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

    private LineTooLong tooLong() {
        fail(new IOException(peer + ": line " + (lineNumber + 1) + " is longer than " + maxLineBytes + " bytes"));
        return new LineTooLong();
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    /** Ends the receive loop after a line too long was recorded as the failure. */
    private static final class LineTooLong extends Exception {
        LineTooLong() {
            super(null, null, false, false);
        }
    }
}
