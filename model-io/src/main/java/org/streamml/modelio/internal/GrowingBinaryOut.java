package org.streamml.modelio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.streamml.modelio.codec.BinaryOut;

/** {@link BinaryOut} into a little-endian buffer that doubles when full. */
final class GrowingBinaryOut implements BinaryOut {
    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    private ByteBuffer room(long bytes) {
        if (buf.remaining() < bytes) {
            long needed = buf.position() + bytes;
            if (needed > Integer.MAX_VALUE - 64) {
                throw new IllegalArgumentException("model too large for one binary file: more than " + needed
                        + " bytes of parameters");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 64, Math.max(needed, 2L * buf.capacity()));
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        return buf;
    }

    @Override
    public BinaryOut putInt(int value) {
        room(4).putInt(value);
        return this;
    }

    @Override
    public BinaryOut putFlag(boolean value) {
        room(1).put((byte) (value ? 1 : 0));
        return this;
    }

    @Override
    public BinaryOut putDouble(double value) {
        room(8).putDouble(value);
        return this;
    }

    @Override
    public BinaryOut putDoubles(double[] values) {
        ByteBuffer b = room(8L * values.length);
        b.asDoubleBuffer().put(values);
        b.position(b.position() + 8 * values.length);
        return this;
    }

    /** A 64-bit integer. */
    GrowingBinaryOut putLong(long value) {
        room(8).putLong(value);
        return this;
    }

    /** An int32 byte count, then the UTF-8 bytes of {@code s}. */
    GrowingBinaryOut putString(String s) {
        byte[] b = BinaryModelCodec.utf8(s);
        room(4L + b.length).putInt(b.length).put(b);
        return this;
    }

    /** The bytes written so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf.array(), buf.position());
    }
}
