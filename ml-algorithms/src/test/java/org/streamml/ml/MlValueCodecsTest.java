package org.streamml.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.streaming.checkpoint.Values;

/** The checkpoint codecs of the ML types: found through the service file, bit-exact, and strict on bad input. */
class MlValueCodecsTest {
    private final Values values = new Values();

    private byte[] write(Object v) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            values.write(v, out);
        }
        return buf.toByteArray();
    }

    private Object read(byte[] bytes) throws IOException {
        return values.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void linearModelsRoundTripBitForBit() throws IOException {
        double[] w = {1.5, -0.0, Double.MIN_VALUE, 1e300};
        LinearRegressionModel lin = new LinearRegressionModel(w, -2.25, 7, 42_000, 3.5);
        LinearRegressionModel linBack = (LinearRegressionModel) read(write(lin));
        assertEquals(lin, linBack);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(linBack.weights()[1]));
        assertEquals(3.5, linBack.effectiveCount());

        for (OptionalDouble t : new OptionalDouble[] {OptionalDouble.of(0.25), OptionalDouble.empty()}) {
            LogisticRegressionModel log = new LogisticRegressionModel(w, 0.5, t, 9, 43_000, 1.25);
            LogisticRegressionModel back = (LogisticRegressionModel) read(write(log));
            assertEquals(log, back);
            assertEquals(t, back.threshold());
            assertEquals(9, back.version());
            assertEquals(43_000, back.lastBatchTimeMillis());
            assertEquals(1.25, back.effectiveCount());
        }
    }

    @Test
    void kMeansAndVectorsRoundTrip() throws IOException {
        KMeansModel km = new KMeansModel(new double[][] {{0, 1}, {2, 3}}, new double[] {4, 5}, 3, 9_000);
        KMeansModel back = (KMeansModel) read(write(km));
        assertEquals(km, back);
        assertArrayEquals(new double[] {2, 3}, back.center(1));
        assertEquals(DenseVector.wrap(new double[] {1, 2}), read(write(DenseVector.wrap(new double[] {1, 2}))));
        SparseVector sv = new SparseVector(5, new int[] {1, 3}, new double[] {0.5, -1});
        assertEquals(sv, read(write(sv)));
    }

    @Test
    void aTruncatedOrInvalidModelIsAnIoErrorNotAWrongModel() throws IOException {
        byte[] whole = write(new LogisticRegressionModel(new double[] {1, 2}, 0.5, OptionalDouble.of(0.5), 1, 1000, 1));
        for (int cut : new int[] {whole.length - 1, whole.length / 2}) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThrows(IOException.class, () -> read(part));
        }
        // a negative version breaks the model's own rule: the codec reports it as bad input, not as a model
        KMeansModel km = new KMeansModel(new double[][] {{0, 1}}, new double[] {1}, 3, 9_000);
        byte[] bad = write(km);
        int at = indexOfLong(bad, 3L, 0);
        long minusFive = -5L;
        for (int i = 0; i < 8; i++) {
            bad[at + i] = (byte) (minusFive >>> (56 - 8 * i));
        }
        IOException e = assertThrows(IOException.class, () -> read(bad));
        assertTrue(e.getMessage().contains("invalid value"), e.getMessage());
    }

    /** The offset of the big-endian {@code value} at or after {@code from}. */
    private static int indexOfLong(byte[] a, long value, int from) {
        outer:
        for (int i = Math.max(0, from); i + 8 <= a.length; i++) {
            for (int j = 0; j < 8; j++) {
                if (a[i + j] != (byte) (value >>> (56 - 8 * j))) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("value not found");
    }
}
