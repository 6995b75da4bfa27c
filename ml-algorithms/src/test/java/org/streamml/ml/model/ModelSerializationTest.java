package org.streamml.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Every model survives Java serialization equal, as it must when a prediction function that captures it
 * travels to Spark's executors (Spark's closure serializer is Java serialization).
 */
class ModelSerializationTest {

    @Test
    void shouldRoundTripEveryModelType() throws Exception {
        for (Model m : new Model[] {
            new LinearRegressionModel(new double[] {1.5, -2}, 0.25, 7, 7000, 12.5),
            new LogisticRegressionModel(new double[] {0.5, 3}, -1, OptionalDouble.of(0.3), 4, 4000, 2.0),
            new LogisticRegressionModel(new double[] {0.5}, 0, OptionalDouble.empty(), 0, Model.NO_BATCH, 0.0),
            new KMeansModel(new double[][] {{0, 1}, {2, 3}}, new double[] {10, 20}, 3, 3000)}) {
            assertEquals(m, roundTrip(m), m.type());
        }
    }

    @Test
    void shouldCheckALogisticModelReadBackAsAnyModelIs() throws Exception {
        LogisticRegressionModel m = new LogisticRegressionModel(new double[] {1}, 0, OptionalDouble.of(0.5), 1, 1000, 0);
        byte[] bytes = serialize(m);
        // the serial form goes through the constructor: a tampered threshold is refused like any other
        byte[] tampered = replace(bytes, Double.doubleToLongBits(0.5), Double.doubleToLongBits(7.0));
        InvalidObjectException refused = assertThrows(InvalidObjectException.class, () -> deserialize(tampered));
        assertEquals(IllegalArgumentException.class, refused.getCause().getClass());
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        return deserialize(serialize(o));
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** {@code bytes} with the first big-endian occurrence of {@code from} replaced by {@code to}. */
    private static byte[] replace(byte[] bytes, long from, long to) {
        byte[] out = bytes.clone();
        for (int i = 0; i + 8 <= out.length; i++) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v = (v << 8) | (out[i + j] & 0xff);
            }
            if (v == from) {
                for (int j = 0; j < 8; j++) {
                    out[i + j] = (byte) (to >>> (56 - 8 * j));
                }
                return out;
            }
        }
        throw new AssertionError("value not found in the serial form");
    }
}
