package org.streamml.datasets.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads a text one line at a time into a reusable character buffer, so that parsing a line allocates
 * nothing. The current line is {@code buffer()[start(), end())}, valid until the next call to
 * {@link #next()}; line ends are LF or CRLF; the last line may lack its line end; a leading byte-order
 * mark is dropped.
 */
final class LineReader implements Closeable {
    private final String name;
    private final Reader in;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private long lineNumber;

    LineReader(String name, Reader in) {
        this.name = name;
        this.in = in;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int from, int to) {
        lineNumber++;
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        if (lineNumber == 1 && to > from && buf[from] == '\uFEFF') {
            from++;
        }
        start = from;
        end = to;
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        } else if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // every character before the bad bytes is in the buffer: they lie on the line after the last
            // complete one in it
            long line = lineNumber + 1;
            for (int i = pos; i < limit; i++) {
                line += buf[i] == '\n' ? 1 : 0;
            }
            throw new DataFormatException(name, line, 0, null, "invalid UTF-8 (bytes that are not UTF-8 text)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " after line " + lineNumber + ": "
                    + e.getMessage(), e);
        }
    }

    char[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** The current line as a string (for errors only). */
    String line() {
        return new String(buf, start, end - start);
    }

    /** Whether the current line is empty or only blanks. */
    boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (!isBlank(buf[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
