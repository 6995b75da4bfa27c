package org.streamml.streaming.checkpoint;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A growable in-memory {@link DataOutput}: the bytes {@link java.io.DataOutputStream} over a
 * {@link java.io.ByteArrayOutputStream} would hold (big-endian, modified UTF-8 for {@link #writeUTF}), without
 * their per-call locking and per-byte calls. Checkpoints encode state of millions of values through it, so
 * encoding costs what copying the bytes costs. Not thread-safe.
 */
public final class BytesOut implements DataOutput {
    private byte[] buf;
    private int size;

    /** An empty output with room for {@code initialCapacity} bytes before it grows. */
    public BytesOut(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** An empty output. */
    public BytesOut() {
        this(256);
    }

    private void ensure(int more) {
        int need = size + more;
        if (need < 0) {
            throw new OutOfMemoryError("more than 2 GiB of encoded bytes");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    /** The number of bytes written. */
    public int size() {
        return size;
    }

    /** The buffer, valid in {@code [0, size())} until the next write. */
    public byte[] buffer() {
        return buf;
    }

    /** Forgets the bytes written, keeping the buffer. */
    public void reset() {
        size = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buf[size] = (byte) (v >>> 8);
        buf[size + 1] = (byte) v;
        size += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        byte[] b = buf;
        int s = size;
        b[s] = (byte) (v >>> 24);
        b[s + 1] = (byte) (v >>> 16);
        b[s + 2] = (byte) (v >>> 8);
        b[s + 3] = (byte) v;
        size = s + 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        byte[] b = buf;
        int s = size;
        for (int i = 0; i < 8; i++) {
            b[s + i] = (byte) (v >>> (56 - 8 * i));
        }
        size = s + 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        int n = s.length();
        long encoded = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            encoded += c >= 1 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
        }
        if (encoded > 65535) {
            throw new UTFDataFormatException("encoded string too long: " + encoded + " bytes");
        }
        writeShort((int) encoded);
        ensure((int) encoded);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 1 && c <= 0x7f) {
                buf[size++] = (byte) c;
            } else if (c <= 0x7ff) {
                buf[size++] = (byte) (0xc0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3f));
            } else {
                buf[size++] = (byte) (0xe0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }
}
