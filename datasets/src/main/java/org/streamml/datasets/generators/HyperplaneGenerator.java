package org.streamml.datasets.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/**
 * The rotating hyperplane stream (Hulten, Spencer and Domingos, "Mining time-changing data streams",
 * KDD 2001): {@code x} uniform on [0, 1]^d, label 1 when {@code Σ w_i x_i >= w_0} with
 * {@code w_0 = ½ Σ w_i}, so the classes stay balanced while the hyperplane turns. The initial weights are
 * uniform on [0, 1]; after each point the first {@code driftingFeatures} weights move by
 * {@code magnitude·σ_i}. Where the paper reverses each σ_i at random, here every σ_i reverses every
 * {@code reversalInterval} points, so the concept's turning points are known exactly ({@link #driftPoints});
 * a fraction {@code noise} of labels is flipped (5 % in the paper).
 */
public final class HyperplaneGenerator extends SeededGenerator<LabeledPoint> {
    private final Options options;

    /**
     * What to generate.
     *
     * @param dimension the number of features (>= 1)
     * @param driftingFeatures how many weights drift (0..dimension)
     * @param magnitude the change of a drifting weight per point (>= 0)
     * @param reversalInterval the points between reversals of the drift direction (>= 1)
     * @param noise the fraction of flipped labels, in [0, 1)
     */
    public record Options(int dimension, int driftingFeatures, double magnitude, long reversalInterval,
                          double noise) {
        /** Checks the options. */
        public Options {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
            }
            if (driftingFeatures < 0 || driftingFeatures > dimension) {
                throw new IllegalArgumentException("driftingFeatures must be in [0, " + dimension + "]: "
                        + driftingFeatures);
            }
            checkNonNegative("magnitude", magnitude);
            if (reversalInterval < 1) {
                throw new IllegalArgumentException("reversalInterval must be >= 1: " + reversalInterval);
            }
            if (!(noise >= 0 && noise < 1)) {
                throw new IllegalArgumentException("noise must be in [0, 1): " + noise);
            }
        }

        /** 10 features, 2 drifting by 0.001 per point, reversing every 10,000 points, 5 % noise. */
        public static Options defaults() {
            return new Options(10, 2, 0.001, 10_000, 0.05);
        }

        /** A copy with {@code d} features. */
        public Options withDimension(int d) {
            return new Options(d, Math.min(driftingFeatures, d), magnitude, reversalInterval, noise);
        }

        /** A copy with {@code n} drifting weights. */
        public Options withDriftingFeatures(int n) {
            return new Options(dimension, n, magnitude, reversalInterval, noise);
        }

        /** A copy with drift {@code m} per point. */
        public Options withMagnitude(double m) {
            return new Options(dimension, driftingFeatures, m, reversalInterval, noise);
        }

        /** A copy reversing the drift every {@code n} points. */
        public Options withReversalInterval(long n) {
            return new Options(dimension, driftingFeatures, magnitude, n, noise);
        }

        /** A copy flipping a fraction {@code p} of labels. */
        public Options withNoise(double p) {
            return new Options(dimension, driftingFeatures, magnitude, reversalInterval, p);
        }
    }

    /** {@code rows} points (or {@link #UNBOUNDED}) from {@code seed}. */
    public HyperplaneGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The 0-based drift segment of point {@code index}: how many reversals came before it. */
    public long segment(long index) {
        return index / options.reversalInterval();
    }

    /** The indices of the points where the drift direction reverses, below {@code limit}. */
    public List<Long> driftPoints(long limit) {
        List<Long> out = new ArrayList<>();
        for (long i = options.reversalInterval(); i < limit; i += options.reversalInterval()) {
            out.add(i);
        }
        return out;
    }

    /** The weights in force for point {@code index} (the hyperplane {@code w·x = ½ Σ w}); a new array. */
    public double[] weightsAt(long index) {
        double[] w = initialWeights(new SplittableRandom(seed()));
        for (int i = 0; i < options.driftingFeatures(); i++) {
            w[i] += options.magnitude() * travel(index);
        }
        return w;
    }

    /** The signed number of drift steps after {@code index} points: +1 per point, direction flipping per segment. */
    private long travel(long index) {
        long n = options.reversalInterval();
        long full = index / n;
        long rest = index % n;
        long net = (full % 2 == 0 ? 0 : n) + (full % 2 == 0 ? rest : -rest);
        return net;
    }

    private double[] initialWeights(SplittableRandom rnd) {
        double[] w = new double[options.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble();
        }
        return w;
    }

    @Override
    protected Cursor<LabeledPoint> start() {
        SplittableRandom rnd = new SplittableRandom(seed());
        double[] w = initialWeights(rnd);
        double[] w0 = w.clone();
        int drifting = options.driftingFeatures();
        double magnitude = options.magnitude();
        double noise = options.noise();
        return index -> {
            long steps = travel(index);
            double sum = 0;
            double margin = 0;
            double[] x = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                if (i < drifting) {
                    w[i] = w0[i] + magnitude * steps;
                }
                x[i] = rnd.nextDouble();
                margin += w[i] * x[i];
                sum += w[i];
            }
            boolean positive = margin >= 0.5 * sum;
            if (rnd.nextDouble() < noise) {
                positive = !positive;
            }
            return new LabeledPoint(positive ? 1 : 0, DenseVector.wrap(x));
        };
    }
}
