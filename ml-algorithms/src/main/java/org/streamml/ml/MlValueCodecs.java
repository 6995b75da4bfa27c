package org.streamml.ml;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.OptionalDouble;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.streaming.checkpoint.ValueCodec;
import org.streamml.streaming.checkpoint.Values;

/**
 * How checkpoints write the ML module's vectors and models (registered in
 * {@code META-INF/services/org.streamml.streaming.checkpoint.ValueCodec}); {@link LabeledPoint} is a record
 * and needs no codec. Every field that a model's equality or a learner's continuation depends on is
 * written, doubles bit for bit, so a restored model equals the checkpointed one.
 */
public final class MlValueCodecs {
    private MlValueCodecs() {
    }

    private static void doubles(double[] a, DataOutput out) throws IOException {
        out.writeInt(a.length);
        for (double d : a) {
            out.writeLong(Double.doubleToRawLongBits(d));
        }
    }

    private static double[] doubles(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Values.MAX_ELEMENTS) {
            throw new IOException("bad array length " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }

    private static <T> T checked(ThrowingSupplier<T> make) throws IOException {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid value: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws IOException;
    }

    /** {@link DenseVector}: its values. */
    public static final class DenseVectorCodec implements ValueCodec<DenseVector> {
        @Override
        public Class<DenseVector> type() {
            return DenseVector.class;
        }

        @Override
        public void write(DenseVector v, DataOutput out, Values values) throws IOException {
            doubles(v.values(), out);
        }

        @Override
        public DenseVector read(DataInput in, Values values) throws IOException {
            double[] a = doubles(in);
            return checked(() -> DenseVector.wrap(a));
        }
    }

    /** {@link SparseVector}: size, indices, values. */
    public static final class SparseVectorCodec implements ValueCodec<SparseVector> {
        @Override
        public Class<SparseVector> type() {
            return SparseVector.class;
        }

        @Override
        public void write(SparseVector v, DataOutput out, Values values) throws IOException {
            out.writeInt(v.size());
            values.write(v.indices(), out);
            doubles(v.values(), out);
        }

        @Override
        public SparseVector read(DataInput in, Values values) throws IOException {
            int size = in.readInt();
            Object indices = values.read(in);
            if (!(indices instanceof int[] idx)) {
                throw new IOException("sparse vector indices are not an int array");
            }
            double[] v = doubles(in);
            return checked(() -> new SparseVector(size, idx, v));
        }
    }

    /**
     * The fields both linear models share, in the order the two codecs write them: weights and intercept,
     * then (after the logistic model's threshold) version, last batch time and effective count.
     */
    private record LinearFields(double[] weights, double intercept, long version, long lastBatchTimeMillis,
                                double effectiveCount) {
        static void writeHead(LinearModel m, DataOutput out) throws IOException {
            doubles(m.weights(), out);
            out.writeLong(Double.doubleToRawLongBits(m.intercept()));
        }

        static void writeTail(LinearModel m, DataOutput out) throws IOException {
            out.writeLong(m.version());
            out.writeLong(m.lastBatchTimeMillis());
            out.writeLong(Double.doubleToRawLongBits(m.effectiveCount()));
        }

        /** Reads the head, then {@code between} (the fields a model writes between head and tail), then the tail. */
        static LinearFields read(DataInput in, IoAction between) throws IOException {
            double[] w = doubles(in);
            double b = Double.longBitsToDouble(in.readLong());
            between.run();
            long version = in.readLong();
            long last = in.readLong();
            double count = Double.longBitsToDouble(in.readLong());
            return new LinearFields(w, b, version, last, count);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** {@link LinearRegressionModel}: weights, intercept, version, last batch time, effective count. */
    public static final class LinearRegressionCodec implements ValueCodec<LinearRegressionModel> {
        @Override
        public Class<LinearRegressionModel> type() {
            return LinearRegressionModel.class;
        }

        @Override
        public void write(LinearRegressionModel m, DataOutput out, Values values) throws IOException {
            LinearFields.writeHead(m, out);
            LinearFields.writeTail(m, out);
        }

        @Override
        public LinearRegressionModel read(DataInput in, Values values) throws IOException {
            LinearFields f = LinearFields.read(in, () -> { });
            return checked(() -> new LinearRegressionModel(f.weights(), f.intercept(), f.version(),
                    f.lastBatchTimeMillis(), f.effectiveCount()));
        }
    }

    /** {@link LogisticRegressionModel}: as linear regression, with the threshold after the intercept. */
    public static final class LogisticRegressionCodec implements ValueCodec<LogisticRegressionModel> {
        @Override
        public Class<LogisticRegressionModel> type() {
            return LogisticRegressionModel.class;
        }

        @Override
        public void write(LogisticRegressionModel m, DataOutput out, Values values) throws IOException {
            LinearFields.writeHead(m, out);
            out.writeBoolean(m.threshold().isPresent());
            out.writeLong(Double.doubleToRawLongBits(m.threshold().orElse(0)));
            LinearFields.writeTail(m, out);
        }

        @Override
        public LogisticRegressionModel read(DataInput in, Values values) throws IOException {
            boolean[] hasThreshold = new boolean[1];
            double[] threshold = new double[1];
            LinearFields f = LinearFields.read(in, () -> {
                hasThreshold[0] = in.readBoolean();
                threshold[0] = Double.longBitsToDouble(in.readLong());
            });
            OptionalDouble t = hasThreshold[0] ? OptionalDouble.of(threshold[0]) : OptionalDouble.empty();
            return checked(() -> new LogisticRegressionModel(f.weights(), f.intercept(), t, f.version(),
                    f.lastBatchTimeMillis(), f.effectiveCount()));
        }
    }

    /** {@link KMeansModel}: centers, cluster weights, version, last batch time. */
    public static final class KMeansCodec implements ValueCodec<KMeansModel> {
        @Override
        public Class<KMeansModel> type() {
            return KMeansModel.class;
        }

        @Override
        public void write(KMeansModel m, DataOutput out, Values values) throws IOException {
            out.writeInt(m.k());
            for (int j = 0; j < m.k(); j++) {
                doubles(m.center(j), out);
            }
            doubles(m.clusterWeights(), out);
            out.writeLong(m.version());
            out.writeLong(m.lastBatchTimeMillis());
        }

        @Override
        public KMeansModel read(DataInput in, Values values) throws IOException {
            int k = in.readInt();
            if (k < 1 || k > Values.MAX_ELEMENTS) {
                throw new IOException("bad cluster count " + k);
            }
            double[][] centers = new double[k][];
            for (int j = 0; j < k; j++) {
                centers[j] = doubles(in);
            }
            double[] weights = doubles(in);
            long version = in.readLong();
            long last = in.readLong();
            return checked(() -> new KMeansModel(centers, weights, version, last));
        }
    }
}
