package org.streamml.ml.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;
import org.streamml.streaming.Batch;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.Time;

/** Seeded synthetic data for the online learners' tests, and batches split into contiguous partitions. */
final class OnlineData {
    /** The true weights of the synthetic problems, d = 10. */
    static final double[] TRUE_W = {1.5, -2.0, 0.5, 3.0, -1.0, 0.25, -0.75, 2.0, -3.0, 1.0};
    /** The true intercept. */
    static final double TRUE_B = 0.5;

    private OnlineData() {
    }

    /** {@code n} records {@code y = w·x + b + noise·ε}, {@code x ~ U(−1, 1)^d}, {@code ε ~ N(0, 1)}. */
    static List<LabeledPoint> linear(int n, double noise, long seed) {
        Random rnd = new Random(seed);
        List<LabeledPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = features(rnd);
            out.add(new LabeledPoint(margin(x) + noise * rnd.nextGaussian(), Vectors.dense(x)));
        }
        return out;
    }

    /** {@code n} records labelled 1 where {@code w·x + b > 0}, else 0: separable by the true hyperplane. */
    static List<LabeledPoint> separable(int n, long seed) {
        Random rnd = new Random(seed);
        List<LabeledPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = features(rnd);
            out.add(new LabeledPoint(margin(x) > 0 ? 1.0 : 0.0, Vectors.dense(x)));
        }
        return out;
    }

    private static double[] features(Random rnd) {
        double[] x = new double[TRUE_W.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    static double margin(double[] x) {
        double z = TRUE_B;
        for (int j = 0; j < x.length; j++) {
            z += TRUE_W[j] * x[j];
        }
        return z;
    }

    /** {@code batches} lists of {@code size} records each, from consecutive seeds. */
    static List<List<LabeledPoint>> batches(boolean logistic, int batches, int size, long seed) {
        List<List<LabeledPoint>> out = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            out.add(logistic ? separable(size, seed + i) : linear(size, 0.1, seed + i));
        }
        return out;
    }

    /** The batch at {@code millis} of {@code records} in {@code parts} contiguous partitions. */
    static Batch<LabeledPoint> batch(List<LabeledPoint> records, int parts, long millis, BatchExecutor executor) {
        List<List<LabeledPoint>> partitions = new ArrayList<>();
        int n = records.size();
        for (int i = 0; i < parts; i++) {
            partitions.add(new ArrayList<>(records.subList(i * n / parts, (i + 1) * n / parts)));
        }
        return new Batch<>(Time.ofMillis(millis), partitions, executor);
    }

    /** The Euclidean distance of {@code w} and {@code b} from the true weights and intercept. */
    static double weightError(double[] w, double b) {
        double s = (b - TRUE_B) * (b - TRUE_B);
        for (int j = 0; j < w.length; j++) {
            s += (w[j] - TRUE_W[j]) * (w[j] - TRUE_W[j]);
        }
        return Math.sqrt(s);
    }

    /** The cosine between {@code (w, b)} and the true {@code (w, b)}: 1 for the true hyperplane. */
    static double cosine(double[] w, double b) {
        double dot = b * TRUE_B;
        double nw = b * b;
        double nt = TRUE_B * TRUE_B;
        for (int j = 0; j < w.length; j++) {
            dot += w[j] * TRUE_W[j];
            nw += w[j] * w[j];
            nt += TRUE_W[j] * TRUE_W[j];
        }
        return dot / Math.sqrt(nw * nt);
    }
}
