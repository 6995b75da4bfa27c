package org.streamml.datasets.generators;

import java.util.Objects;
import java.util.Random;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/**
 * Points for logistic regression: {@code x ~ N(0, I_d)} and {@code y ~ Bernoulli(1/(1+exp(-(offset + w·x))))}.
 *
 * <p>In {@link Mode#SPARK} mode (one feature, weight {@code scale}) it is Spark's
 * {@code LogisticRegressionSuite.generateLogisticInput(offset, scale, n, seed)} draw for draw: one
 * {@link Random} gives the n features first and then the n labels. A sized generator reproduces that with
 * two generators of the same seed (the second first skips the n Gaussians). In {@link Mode#STREAMING} each
 * point draws its features and then its label, which also works unbounded.
 */
public final class LogisticGenerator extends SeededGenerator<LabeledPoint> {
    private final Options options;

    /** The order of the random draws. */
    public enum Mode {
        /** Per point: d Gaussians, then one uniform for the label. */
        STREAMING,
        /** Spark's test generator: all features first, then all labels (needs a row count). */
        SPARK
    }

    /**
     * What to generate.
     *
     * @param weights the true weights (dimension >= 1; SPARK mode needs exactly one, Spark's {@code scale})
     * @param offset the true intercept
     * @param mode the order of the draws
     */
    public record Options(double[] weights, double offset, Mode mode) {
        /** Checks the options. */
        public Options {
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(mode, "mode");
            if (weights.length < 1) {
                throw new IllegalArgumentException("weights must have >= 1 entry: 0");
            }
            if (mode == Mode.SPARK && weights.length != 1) {
                throw new IllegalArgumentException("SPARK mode has exactly one weight (scale): " + weights.length);
            }
            weights = checkFinite("weights", weights);
            if (!Double.isFinite(offset)) {
                throw new IllegalArgumentException("offset must be finite: " + offset);
            }
        }

        /** Spark's test setting: one feature with weight 1.5, offset 0, Spark's draw order. */
        public static Options defaults() {
            return new Options(new double[] {1.5}, 0.0, Mode.SPARK);
        }

        /** A copy with true weights {@code w}. */
        public Options withWeights(double... w) {
            return new Options(w, offset, mode);
        }

        /** A copy with true intercept {@code b}. */
        public Options withOffset(double b) {
            return new Options(weights, b, mode);
        }

        /** A copy with draw order {@code m}. */
        public Options withMode(Mode m) {
            return new Options(weights, offset, m);
        }

        /** The weights, a copy. */
        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /** {@code rows} points (or {@link #UNBOUNDED}, STREAMING mode only) from {@code seed}. */
    public LogisticGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
        if (options.mode() == Mode.SPARK && rows == UNBOUNDED) {
            throw new IllegalArgumentException("SPARK mode draws all features before the labels: give a row count");
        }
    }

    /** The options. */
    public Options options() {
        return options;
    }

    @Override
    protected Cursor<LabeledPoint> start() {
        double[] w = options.weights();
        double b = options.offset();
        if (options.mode() == Mode.SPARK) {
            Random features = new Random(seed());
            Random labels = new Random(seed());
            for (long i = 0; i < rows(); i++) {
                labels.nextGaussian();
            }
            return index -> {
                double x = features.nextGaussian();
                double p = 1.0 / (1.0 + Math.exp(-(b + w[0] * x)));
                return new LabeledPoint(labels.nextDouble() < p ? 1.0 : 0.0, DenseVector.wrap(new double[] {x}));
            };
        }
        Random rnd = new Random(seed());
        return index -> {
            double[] x = new double[w.length];
            double margin = b;
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
                margin += w[i] * x[i];
            }
            double p = 1.0 / (1.0 + Math.exp(-margin));
            return new LabeledPoint(rnd.nextDouble() < p ? 1.0 : 0.0, DenseVector.wrap(x));
        };
    }
}
