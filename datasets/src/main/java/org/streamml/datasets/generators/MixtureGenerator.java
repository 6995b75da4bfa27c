package org.streamml.datasets.generators;

import java.util.Objects;
import java.util.Random;
import org.streamml.ml.random.XORShiftRandom;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/**
 * Points from k spherical Gaussian clusters in d dimensions, labelled with their cluster (0-based). It is
 * Spark's {@code StreamingKMeansDataGenerator} draw for draw: an {@link XORShiftRandom} seeded with the seed
 * draws the k centers ({@code k·d} Gaussians, scaled by {@code centerSpread}, which Spark fixes at 1) unless
 * they are given, then point {@code i} belongs to cluster {@code i mod k} with each coordinate
 * {@code center + radius·nextGaussian()}. Spark's batches are consecutive runs of this one sequence, and
 * Spark restarts the point index of each batch: with {@code batchPoints = numPoints} point {@code i} belongs
 * to cluster {@code (i mod numPoints) mod k}, as in Spark.
 */
public final class MixtureGenerator extends SeededGenerator<LabeledPoint> {
    private final Options options;

    /**
     * What to generate.
     *
     * @param k the number of clusters (>= 1)
     * @param dimension the number of features (>= 1)
     * @param radius the standard deviation of each coordinate around its center (Spark's {@code r})
     * @param centerSpread the standard deviation of the drawn centers (1 in Spark)
     * @param centers the centers ({@code k} rows of {@code dimension}), or {@code null} to draw them
     * @param batchPoints Spark's points per batch, after which the cluster cycle restarts at 0; 0 for one
     *        cycle over the whole stream
     */
    public record Options(int k, int dimension, double radius, double centerSpread, double[][] centers,
                          int batchPoints) {
        /** Checks the options. */
        public Options {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1: " + k);
            }
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
            }
            checkNonNegative("radius", radius);
            if (batchPoints < 0) {
                throw new IllegalArgumentException("batchPoints must be >= 0: " + batchPoints);
            }
            checkNonNegative("centerSpread", centerSpread);
            if (centers != null) {
                if (centers.length != k) {
                    throw new IllegalArgumentException("centers must have k = " + k + " rows: " + centers.length);
                }
                double[][] copy = new double[k][];
                for (int c = 0; c < k; c++) {
                    if (centers[c].length != dimension) {
                        throw new IllegalArgumentException("center " + c + " must have " + dimension
                                + " entries: " + centers[c].length);
                    }
                    copy[c] = checkFinite("centers[" + c + "]", centers[c]);
                }
                centers = copy;
            }
        }

        /** Spark's two-center test: k = 2, d = 5, radius 0.1, centers drawn with spread 1. */
        public static Options defaults() {
            return new Options(2, 5, 0.1, 1.0, null, 0);
        }

        /** A copy with {@code n} clusters (drawn centers). */
        public Options withK(int n) {
            return new Options(n, dimension, radius, centerSpread, null, batchPoints);
        }

        /** A copy with {@code d} features (drawn centers). */
        public Options withDimension(int d) {
            return new Options(k, d, radius, centerSpread, null, batchPoints);
        }

        /** A copy with cluster radius {@code r}. */
        public Options withRadius(double r) {
            return new Options(k, dimension, r, centerSpread, centers, batchPoints);
        }

        /** A copy whose drawn centers have standard deviation {@code s}. */
        public Options withCenterSpread(double s) {
            return new Options(k, dimension, radius, s, centers, batchPoints);
        }

        /** A copy whose cluster cycle restarts every {@code n} points (Spark's numPoints; 0: never). */
        public Options withBatchPoints(int n) {
            return new Options(k, dimension, radius, centerSpread, centers, n);
        }

        /** A copy with the given centers (k and the dimension follow them). */
        public Options withCenters(double[][] c) {
            return new Options(c.length, c.length == 0 ? dimension : c[0].length, radius, centerSpread, c, batchPoints);
        }
    }

    /** {@code rows} points (or {@link #UNBOUNDED}) from {@code seed}. */
    public MixtureGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The cluster centers this generator uses (drawn from the seed unless given); a new array. */
    public double[][] centers() {
        return drawCenters(new XORShiftRandom(seed()));
    }

    private double[][] drawCenters(Random rnd) {
        int k = options.k();
        int d = options.dimension();
        double[][] c = new double[k][d];
        if (options.centers() != null) {
            for (int i = 0; i < k; i++) {
                c[i] = options.centers()[i].clone();
            }
            return c;
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = rnd.nextGaussian() * options.centerSpread();
            }
        }
        return c;
    }

    @Override
    protected Cursor<LabeledPoint> start() {
        Random rnd = new XORShiftRandom(seed());
        double[][] centers = drawCenters(rnd);
        double r = options.radius();
        int k = options.k();
        int batch = options.batchPoints();
        return index -> {
            int cluster = (int) ((batch > 0 ? index % batch : index) % k);
            double[] center = centers[cluster];
            double[] x = new double[center.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = center[j] + rnd.nextGaussian() * r;
            }
            return new LabeledPoint(cluster, DenseVector.wrap(x));
        };
    }
}
