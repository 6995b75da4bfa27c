package org.streamml.modelio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.Provenance;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelCodecs;
import org.streamml.modelio.codec.ModelState;

/**
 * The binary model file, little-endian: an 8-byte magic, the format version, the model type code of the
 * model's {@link ModelCodec}, the body length, the body (metadata, the state values, then the codec's
 * parameters) and a CRC-32 of everything before it. The module README gives the layout byte by byte.
 * Format version 2 added the state values; version 1 files, which have none, still load.
 */
public final class BinaryModelCodec {
    /** The first 8 bytes of every binary model file: {@code 89 53 4D 4C 0D 0A 1A 0A} ("\x89SML\r\n\x1a\n"). */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'M', 'L', '\r', '\n', 0x1A, '\n'};
    /** The format version this code writes; it reads this one and every earlier one. */
    public static final int FORMAT_VERSION = 2;
    /** Bytes before the body: magic, version, type, body length. */
    static final int HEADER_BYTES = 24;
    static final int CHECKSUM_BYTES = 4;

    private BinaryModelCodec() {
    }

    /** Whether {@code head} starts with the binary magic. */
    public static boolean hasMagic(byte[] head, int length) {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file's bytes. */
    public static <M extends Model> byte[] write(ModelFile file, ModelCodec<M> codec) {
        M m = codec.modelClass().cast(file.model());
        Map<String, Double> state = codec.state(m);
        GrowingBinaryOut meta = new GrowingBinaryOut();
        meta.putLong(m.version()).putLong(m.lastBatchTimeMillis());
        meta.putString(file.provenance().library()).putString(file.provenance().createdAt());
        meta.putInt(file.options().size());
        for (Map.Entry<String, String> e : file.options().entrySet()) {
            meta.putString(e.getKey()).putString(e.getValue());
        }
        meta.putInt(state.size());
        for (Map.Entry<String, Double> e : state.entrySet()) {
            meta.putString(e.getKey()).putDouble(e.getValue());
        }
        GrowingBinaryOut parameters = new GrowingBinaryOut();
        codec.writeBinary(m, parameters);
        byte[] head = meta.toByteArray();
        byte[] tail = parameters.toByteArray();
        long body = (long) head.length + tail.length;
        long total = HEADER_BYTES + body + CHECKSUM_BYTES;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model too large for one binary file: " + total + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(codec.binaryCode()).putLong(body);
        buf.put(head).put(tail);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /**
     * Reads a binary model file.
     *
     * @param source the file name for messages
     */
    public static ModelFile read(byte[] bytes, String source) throws ModelFormatException {
        BinaryReader r = new BinaryReader(bytes, source);
        r.checkFrame();
        int formatVersion = r.buf().getInt(8);
        ModelCodec<?> codec = ModelCodecs.forBinaryCode(r.buf().getInt(12)).orElseThrow();
        r.seek(HEADER_BYTES);
        long version = r.getLong("batchesApplied", 0);
        long lastBatch = r.getLong("lastBatchTimeMillis", Model.NO_BATCH);
        String library = r.getString("library");
        String createdAt = r.getString("createdAt");
        int n = r.count("option count", 8);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = r.getString("option " + i + " name");
            options.put(key, r.getString("option \"" + key + "\" value"));
        }
        Map<String, Double> state = new LinkedHashMap<>();
        if (formatVersion >= 2) {
            int m = r.count("state count", 12);
            for (int i = 0; i < m; i++) {
                String key = r.getString("state " + i + " name");
                state.put(key, r.doubles(1, "state \"" + key + "\" value")[0]);
            }
        }
        int at = r.position();
        Model model = ModelReads.binary(codec, r, new ModelState(version, lastBatch, state), at, source);
        r.checkEndOfBody();
        return new ModelFile(model, options, new Provenance(library, createdAt));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
