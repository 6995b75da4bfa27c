package org.streamml.datasets.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/**
 * The SEA concepts stream (Street and Kim, "A streaming ensemble algorithm (SEA) for large-scale
 * classification", KDD 2001): three features uniform on [0, 10], of which only the first two matter;
 * the label is 1 when {@code x1 + x2 <= θ}. The threshold cycles through the concepts (8, 9, 7, 9.5 in the
 * paper), each lasting {@code conceptLength} points, so the concept changes abruptly at every multiple of
 * it ({@link #driftPoints}); a fraction {@code noise} of labels is flipped (10 % in the paper).
 */
public final class SeaGenerator extends SeededGenerator<LabeledPoint> {
    private final Options options;

    /**
     * What to generate.
     *
     * @param thresholds the θ of each concept, in order (>= 1)
     * @param conceptLength the number of points per concept (>= 1; 12,500 in the paper)
     * @param noise the fraction of flipped labels, in [0, 1)
     */
    public record Options(double[] thresholds, long conceptLength, double noise) {
        /** Checks the options. */
        public Options {
            Objects.requireNonNull(thresholds, "thresholds");
            if (thresholds.length < 1) {
                throw new IllegalArgumentException("thresholds must have >= 1 entry: 0");
            }
            thresholds = checkFinite("thresholds", thresholds);
            if (conceptLength < 1) {
                throw new IllegalArgumentException("conceptLength must be >= 1: " + conceptLength);
            }
            if (!(noise >= 0 && noise < 1)) {
                throw new IllegalArgumentException("noise must be in [0, 1): " + noise);
            }
        }

        /** The paper's setting: θ = 8, 9, 7, 9.5; 12,500 points per concept; 10 % label noise. */
        public static Options defaults() {
            return new Options(new double[] {8, 9, 7, 9.5}, 12_500, 0.1);
        }

        /** A copy with {@code n} points per concept. */
        public Options withConceptLength(long n) {
            return new Options(thresholds, n, noise);
        }

        /** A copy flipping a fraction {@code p} of labels. */
        public Options withNoise(double p) {
            return new Options(thresholds, conceptLength, p);
        }

        /** A copy with concept thresholds {@code t}. */
        public Options withThresholds(double... t) {
            return new Options(t, conceptLength, noise);
        }

        /** The thresholds, a copy. */
        @Override
        public double[] thresholds() {
            return thresholds.clone();
        }
    }

    /** {@code rows} points (or {@link #UNBOUNDED}) from {@code seed}. */
    public SeaGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The 0-based concept in force at point {@code index}. */
    public int concept(long index) {
        return (int) ((index / options.conceptLength()) % options.thresholds().length);
    }

    /** The indices of the points where a new concept starts, below {@code limit}. */
    public List<Long> driftPoints(long limit) {
        List<Long> out = new ArrayList<>();
        for (long i = options.conceptLength(); i < limit; i += options.conceptLength()) {
            out.add(i);
        }
        return out;
    }

    @Override
    protected Cursor<LabeledPoint> start() {
        SplittableRandom rnd = new SplittableRandom(seed());
        double[] theta = options.thresholds();
        double noise = options.noise();
        return index -> {
            double[] x = {rnd.nextDouble() * 10, rnd.nextDouble() * 10, rnd.nextDouble() * 10};
            boolean positive = x[0] + x[1] <= theta[concept(index)];
            if (rnd.nextDouble() < noise) {
                positive = !positive;
            }
            return new LabeledPoint(positive ? 1 : 0, DenseVector.wrap(x));
        };
    }
}
