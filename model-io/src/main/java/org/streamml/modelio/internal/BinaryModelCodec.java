package org.streamml.modelio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.zip.CRC32;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.Provenance;

/**
 * The binary model file, little-endian: an 8-byte magic, the format version, the model type, the body
 * length, the body (metadata, then the parameters as raw IEEE-754 doubles) and a CRC-32 of everything
 * before it. The module README gives the layout byte by byte.
 */
public final class BinaryModelCodec {
    /** The first 8 bytes of every binary model file: {@code 89 53 4D 4C 0D 0A 1A 0A} ("\x89SML\r\n\x1a\n"). */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'M', 'L', '\r', '\n', 0x1A, '\n'};
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Bytes before the body: magic, version, type, body length. */
    static final int HEADER_BYTES = 24;
    static final int CHECKSUM_BYTES = 4;

    static final int LINEAR = 1;
    static final int LOGISTIC = 2;
    static final int KMEANS = 3;

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
    public static byte[] write(ModelFile file) {
        Model m = file.model();
        byte[][] strings = new byte[2 + 2 * file.options().size()][];
        strings[0] = utf8(file.provenance().library());
        strings[1] = utf8(file.provenance().createdAt());
        int s = 2;
        for (Map.Entry<String, String> e : file.options().entrySet()) {
            strings[s++] = utf8(e.getKey());
            strings[s++] = utf8(e.getValue());
        }
        long body = 16 + 4;
        for (byte[] b : strings) {
            body += 4 + b.length;
        }
        body += parameterBytes(m);
        long total = HEADER_BYTES + body + CHECKSUM_BYTES;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model too large for one binary file: " + total + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(typeCode(m)).putLong(body);
        buf.putLong(m.version()).putLong(m.lastBatchTimeMillis());
        buf.putInt(strings[0].length).put(strings[0]).putInt(strings[1].length).put(strings[1]);
        buf.putInt(file.options().size());
        for (int i = 2; i < strings.length; i++) {
            buf.putInt(strings[i].length).put(strings[i]);
        }
        putParameters(buf, m);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    private static long parameterBytes(Model m) {
        if (m instanceof LinearRegressionModel lin) {
            return 4 + 8L * lin.numFeatures() + 8;
        }
        if (m instanceof LogisticRegressionModel log) {
            return 4 + 8L * log.numFeatures() + 8 + 1 + 8;
        }
        KMeansModel km = (KMeansModel) m;
        return 8 + 8L * km.k() * km.numFeatures() + 8L * km.k();
    }

    private static int typeCode(Model m) {
        if (m instanceof LinearRegressionModel) {
            return LINEAR;
        }
        return m instanceof LogisticRegressionModel ? LOGISTIC : KMEANS;
    }

    private static void putParameters(ByteBuffer buf, Model m) {
        if (m instanceof LinearRegressionModel lin) {
            putDoubles(buf.putInt(lin.numFeatures()), lin.weights());
            buf.putDouble(lin.intercept());
        } else if (m instanceof LogisticRegressionModel log) {
            putDoubles(buf.putInt(log.numFeatures()), log.weights());
            buf.putDouble(log.intercept());
            OptionalDouble t = log.threshold();
            buf.put((byte) (t.isPresent() ? 1 : 0)).putDouble(t.orElse(0.0));
        } else {
            KMeansModel km = (KMeansModel) m;
            buf.putInt(km.k()).putInt(km.numFeatures());
            for (int j = 0; j < km.k(); j++) {
                putDoubles(buf, km.center(j));
            }
            putDoubles(buf, km.clusterWeights());
        }
    }

    private static void putDoubles(ByteBuffer buf, double[] values) {
        buf.asDoubleBuffer().put(values);
        buf.position(buf.position() + 8 * values.length);
    }

    /**
     * Reads a binary model file.
     *
     * @param source the file name for messages
     */
    public static ModelFile read(byte[] bytes, String source) throws ModelFormatException {
        BinaryReader r = new BinaryReader(bytes, source);
        r.checkFrame();
        int type = r.buf().getInt(12);
        r.seek(HEADER_BYTES);
        long version = r.getLong("batchesApplied", 0);
        long lastBatch = r.getLong("lastBatchTimeMillis", Model.NO_BATCH);
        String library = r.getString("library");
        String createdAt = r.getString("createdAt");
        int n = r.getCount("option count", 8);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = r.getString("option " + i + " name");
            options.put(key, r.getString("option \"" + key + "\" value"));
        }
        Model model = readParameters(r, type, version, lastBatch);
        r.checkEndOfBody();
        return new ModelFile(model, options, new Provenance(library, createdAt));
    }

    private static Model readParameters(BinaryReader r, int type, long version, long lastBatch)
            throws ModelFormatException {
        if (type == LINEAR || type == LOGISTIC) {
            int d = r.getCount("dimension", 8);
            double[] w = r.getDoubles(d, "weights");
            double b = r.getDoubles(1, "intercept")[0];
            if (type == LINEAR) {
                return new LinearRegressionModel(w, b, version, lastBatch);
            }
            boolean hasThreshold = r.getFlag("threshold present");
            int at = r.position();
            double t = r.getDoubles(1, "threshold")[0];
            if (hasThreshold && !(t >= 0 && t <= 1)) {
                throw r.error(at, "threshold", String.valueOf(t), "a threshold in [0, 1]");
            }
            return new LogisticRegressionModel(w, b, hasThreshold ? OptionalDouble.of(t) : OptionalDouble.empty(),
                    version, lastBatch);
        }
        int kAt = r.position();
        int k = r.getCount("k (number of centers)", 8);
        if (k < 1) {
            throw r.error(kAt, "k (number of centers)", "0", "at least one center");
        }
        int d = r.getCount("dimension", 0);
        if ((long) k * d > r.remaining() / 8) {
            throw r.error(kAt, "k and dimension", k + " × " + d + " center coordinates ("
                    + 8L * k * d + " bytes)", "at most the " + r.remaining() + " bytes left in the body");
        }
        double[][] centers = new double[k][];
        for (int j = 0; j < k; j++) {
            centers[j] = r.getDoubles(d, "centers[" + j + "]");
        }
        int weightsAt = r.position();
        double[] weights = r.getDoubles(k, "weights");
        for (int j = 0; j < k; j++) {
            if (weights[j] < 0) {
                throw r.error(weightsAt + 8 * j, "weights[" + j + "]", String.valueOf(weights[j]), "a weight >= 0");
            }
        }
        return new KMeansModel(centers, weights, version, lastBatch);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
