package org.streamml.modelio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.BinaryIn;
import org.streamml.modelio.codec.ModelCodecs;

/**
 * A bounds-checked cursor over the bytes of a binary model file; every failure names the byte offset
 * and the field.
 */
final class BinaryReader implements BinaryIn {
    private final ByteBuffer buf;
    private final String source;
    private int bodyEnd;

    BinaryReader(byte[] bytes, String source) {
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
    }

    ByteBuffer buf() {
        return buf;
    }

    @Override
    public ModelFormatException error(long offset, String field, String found, String expected) {
        return ModelFormatException.of(source, "byte " + offset + " (" + field + ")", found, expected);
    }

    /** Checks magic, version, type code, length and checksum, in that order. */
    void checkFrame() throws ModelFormatException {
        int size = buf.capacity();
        int minimum = BinaryModelCodec.HEADER_BYTES + BinaryModelCodec.CHECKSUM_BYTES;
        if (!BinaryModelCodec.hasMagic(buf.array(), size)) {
            throw error(0, "magic", "other bytes", "the StreamML binary magic 89 53 4D 4C 0D 0A 1A 0A");
        }
        if (size < minimum) {
            throw error(size, "header", "the end of the file after " + size + " bytes (truncated)",
                    "a header and checksum of at least " + minimum + " bytes");
        }
        int version = buf.getInt(8);
        if (version < 1 || version > BinaryModelCodec.FORMAT_VERSION) {
            throw error(8, "format version", "format version " + version, "format version 1 or "
                    + BinaryModelCodec.FORMAT_VERSION + " (written by a newer StreamML? upgrade to read it)");
        }
        int type = buf.getInt(12);
        if (ModelCodecs.forBinaryCode(type).isEmpty()) {
            throw error(12, "model type", "model type code " + type, ModelCodecs.describeBinaryCodes());
        }
        long body = buf.getLong(16);
        long expectedSize = BinaryModelCodec.HEADER_BYTES + body + BinaryModelCodec.CHECKSUM_BYTES;
        if (body < 0 || expectedSize != size) {
            String found = size < expectedSize ? "a file of " + size + " bytes (truncated)"
                    : "a file of " + size + " bytes";
            throw error(16, "body length " + body, found, "a file of " + expectedSize + " bytes as the header says");
        }
        bodyEnd = (int) (BinaryModelCodec.HEADER_BYTES + body);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, bodyEnd);
        int stored = buf.getInt(bodyEnd);
        if (stored != (int) crc.getValue()) {
            throw error(bodyEnd, "CRC-32 checksum", String.format("0x%08X", stored),
                    String.format("0x%08X, the checksum of bytes 0 to %d: the file is damaged", (int) crc.getValue(),
                            bodyEnd - 1));
        }
    }

    void seek(int offset) {
        buf.position(offset);
    }

    @Override
    public int position() {
        return buf.position();
    }

    @Override
    public long remaining() {
        return bodyEnd - buf.position();
    }

    private void need(long bytes, String field) throws ModelFormatException {
        if (bytes > remaining()) {
            throw error(buf.position(), field, "the end of the body after " + remaining() + " bytes",
                    bytes + " bytes");
        }
    }

    long getLong(String field, long min) throws ModelFormatException {
        need(8, field);
        int at = buf.position();
        long v = buf.getLong();
        if (v < min) {
            throw error(at, field, String.valueOf(v), "a value >= " + min);
        }
        return v;
    }

    @Override
    public int count(String field, int itemBytes) throws ModelFormatException {
        need(4, field);
        int at = buf.position();
        int n = buf.getInt();
        if (n < 0 || (long) n * itemBytes > remaining()) {
            throw error(at, field, String.valueOf(n), "a count >= 0 whose items fit in the " + remaining()
                    + " bytes left");
        }
        return n;
    }

    @Override
    public boolean flag(String field) throws ModelFormatException {
        need(1, field);
        int at = buf.position();
        byte b = buf.get();
        if (b != 0 && b != 1) {
            throw error(at, field, String.valueOf(b), "0 or 1");
        }
        return b == 1;
    }

    String getString(String field) throws ModelFormatException {
        int n = count(field + " length", 1);
        int at = buf.position();
        ByteBuffer slice = buf.slice(at, n);
        buf.position(at + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw error(at, field, "bytes that are not UTF-8", "a UTF-8 string");
        }
    }

    @Override
    public double[] doubles(int n, String field) throws ModelFormatException {
        need(8L * n, field);
        int at = buf.position();
        double[] out = new double[n];
        buf.asDoubleBuffer().get(out);
        buf.position(at + 8 * n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(out[i])) {
                throw error(at + 8L * i, n == 1 ? field : field + "[" + i + "]", String.valueOf(out[i]),
                        "a finite number");
            }
        }
        return out;
    }

    void checkEndOfBody() throws ModelFormatException {
        if (remaining() != 0) {
            throw error(buf.position(), "end of body", remaining() + " more bytes", "the end of the body");
        }
    }
}
