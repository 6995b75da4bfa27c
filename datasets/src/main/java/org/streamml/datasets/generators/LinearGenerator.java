package org.streamml.datasets.generators;

import java.util.Objects;
import java.util.Random;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/**
 * Points for linear regression: {@code x} uniform on [-1, 1)^d and {@code y = w·x + intercept + noise·N(0,1)}.
 * It is Spark's {@code LinearDataGenerator.generateLinearInput} draw for draw (one {@link Random} seeded
 * with the seed; per point d {@code nextDouble()} then one {@code nextGaussian()}), so with the same seed,
 * weights and noise it yields exactly Spark's test data.
 */
public final class LinearGenerator extends SeededGenerator<LabeledPoint> {
    private final Options options;

    /**
     * What to generate.
     *
     * @param weights the true weights (their length is the dimension, >= 1)
     * @param intercept the true intercept
     * @param noise the standard deviation of the label noise (Spark's {@code eps}, default 0.1)
     */
    public record Options(double[] weights, double intercept, double noise) {
        /** Checks the options. */
        public Options {
            Objects.requireNonNull(weights, "weights");
            if (weights.length < 1) {
                throw new IllegalArgumentException("weights must have >= 1 entry: 0");
            }
            weights = checkFinite("weights", weights);
            if (!Double.isFinite(intercept)) {
                throw new IllegalArgumentException("intercept must be finite: " + intercept);
            }
            checkNonNegative("noise", noise);
        }

        /** y = 10·x1 + 10·x2 with noise 0.1 (Spark's streaming linear regression test). */
        public static Options defaults() {
            return new Options(new double[] {10, 10}, 0.0, 0.1);
        }

        /** A copy with true weights {@code w}. */
        public Options withWeights(double... w) {
            return new Options(w, intercept, noise);
        }

        /** A copy with true intercept {@code b}. */
        public Options withIntercept(double b) {
            return new Options(weights, b, noise);
        }

        /** A copy with label noise {@code eps}. */
        public Options withNoise(double eps) {
            return new Options(weights, intercept, eps);
        }

        /** The weights, a copy. */
        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /** {@code rows} points (or {@link #UNBOUNDED}) from {@code seed}. */
    public LinearGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    @Override
    protected Cursor<LabeledPoint> start() {
        Random rnd = new Random(seed());
        double[] w = options.weights();
        double b = options.intercept();
        double eps = options.noise();
        double halfWidth = Math.sqrt(12.0 / 3.0);
        return index -> {
            double[] x = new double[w.length];
            double y = b;
            for (int i = 0; i < x.length; i++) {
                x[i] = (rnd.nextDouble() - 0.5) * halfWidth;
                y += w[i] * x[i];
            }
            y += eps * rnd.nextGaussian();
            return new LabeledPoint(y, DenseVector.wrap(x));
        };
    }
}
