package org.streamml.ml.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;

/**
 * Offline k-means: k-means++ (Arthur and Vassilvitskii, 2007) or k-means|| (Bahmani et al., 2012, as
 * Spark initialises) seeding, then Lloyd iterations with Spark's rules: a center that gets no point
 * keeps its place, and iteration stops when no center moved by more than {@code epsilon} or at
 * {@code maxIterations}. The model's cluster weights are the final cluster sizes, so handing it to
 * {@code StreamingKMeans.setInitialModel} makes the stream adapt as if it had seen the training data;
 * pass zero weights to {@code setInitialCenters} instead to let the first batch replace the centers.
 * Like Spark's, k-means|| returns fewer than k centers when the data has fewer distinct points.
 */
public final class KMeansTrainer {

    /** How the first centers are chosen. */
    public enum Initialization {
        /** k-means++: each next center drawn with probability proportional to squared distance. */
        K_MEANS_PLUS_PLUS,
        /** k-means||: oversampled rounds of 2k expected candidates, reduced by weighted k-means++. */
        K_MEANS_PARALLEL
    }

    /**
     * The trainer's settings; {@link #defaults()} are Spark's.
     *
     * @param k the number of clusters >= 1 (2)
     * @param maxIterations the most Lloyd iterations >= 0 (20)
     * @param initialization the seeding ({@link Initialization#K_MEANS_PARALLEL})
     * @param initializationSteps k-means|| rounds >= 1 (2)
     * @param epsilon the convergence distance >= 0 (1e-4)
     * @param seed the random seed
     */
    public record Options(int k, int maxIterations, Initialization initialization, int initializationSteps,
                          double epsilon, long seed) {
        /** Validates the settings. */
        public Options {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1: " + k);
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("maxIterations must be >= 0: " + maxIterations);
            }
            Objects.requireNonNull(initialization, "initialization");
            if (initializationSteps < 1) {
                throw new IllegalArgumentException("initializationSteps must be >= 1: " + initializationSteps);
            }
            if (!(epsilon >= 0)) {
                throw new IllegalArgumentException("epsilon must be >= 0: " + epsilon);
            }
        }

        /** Spark's defaults: k = 2, 20 iterations, k-means|| with 2 steps, epsilon 1e-4, seed 42. */
        public static Options defaults() {
            return new Options(2, 20, Initialization.K_MEANS_PARALLEL, 2, 1e-4, 42L);
        }

        /** A copy with another k. */
        public Options withK(int newK) {
            return new Options(newK, maxIterations, initialization, initializationSteps, epsilon, seed);
        }

        /** A copy with another iteration cap. */
        public Options withMaxIterations(int n) {
            return new Options(k, n, initialization, initializationSteps, epsilon, seed);
        }

        /** A copy with another seeding. */
        public Options withInitialization(Initialization init) {
            return new Options(k, maxIterations, init, initializationSteps, epsilon, seed);
        }

        /** A copy with another seed. */
        public Options withSeed(long s) {
            return new Options(k, maxIterations, initialization, initializationSteps, epsilon, s);
        }
    }

    private final Options options;

    /** A trainer with {@code options}. */
    public KMeansTrainer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Clusters {@code points} (dense copies are made once). */
    public KMeansModel fit(List<? extends Vector> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("cannot cluster an empty dataset");
        }
        double[][] x = new double[points.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).toArray();
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("point " + i + " has dimension " + x[i].length + ", point 0 has "
                        + x[0].length);
            }
        }
        double[] unit = new double[x.length];
        Arrays.fill(unit, 1.0);
        Random rnd = new Random(options.seed());
        double[][] centers = options.initialization() == Initialization.K_MEANS_PLUS_PLUS
                ? Seeding.plusPlus(x, unit, options.k(), rnd)
                : Seeding.parallel(x, options.k(), options.initializationSteps(), rnd);
        long[] sizes = Seeding.lloyd(x, unit, centers, options.maxIterations(), options.epsilon());
        double[] weights = new double[centers.length];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = sizes[j];
        }
        return new KMeansModel(centers, weights);
    }

    /** The seeding and Lloyd kernels on dense arrays, with point weights. */
    static final class Seeding {
        private Seeding() {
        }

        static int nearest(double[] p, double[][] centers, int count) {
            int best = 0;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                double d = Kernels.squaredDistance(p, centers[j]);
                if (d < bestDist) {
                    bestDist = d;
                    best = j;
                }
            }
            return best;
        }

        static double[][] plusPlus(double[][] x, double[] w, int k, Random rnd) {
            int n = x.length;
            double[][] centers = new double[Math.min(k, n)][];
            centers[0] = x[pickWeighted(w, rnd)].clone();
            double[] cost = new double[n];
            for (int i = 0; i < n; i++) {
                cost[i] = w[i] * Kernels.squaredDistance(x[i], centers[0]);
            }
            for (int c = 1; c < centers.length; c++) {
                double total = 0;
                for (double v : cost) {
                    total += v;
                }
                int next = total > 0 ? pickWeighted(cost, rnd) : rnd.nextInt(n);
                centers[c] = x[next].clone();
                for (int i = 0; i < n; i++) {
                    cost[i] = Math.min(cost[i], w[i] * Kernels.squaredDistance(x[i], centers[c]));
                }
            }
            return centers;
        }

        private static int pickWeighted(double[] weights, Random rnd) {
            double total = 0;
            for (double v : weights) {
                total += v;
            }
            double r = rnd.nextDouble() * total;
            double acc = 0;
            for (int i = 0; i < weights.length; i++) {
                acc += weights[i];
                if (acc >= r && weights[i] > 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        static double[][] parallel(double[][] x, int k, int steps, Random rnd) {
            int n = x.length;
            List<double[]> candidates = new ArrayList<>();
            candidates.add(x[rnd.nextInt(n)].clone());
            double[] cost = new double[n];
            Arrays.fill(cost, Double.POSITIVE_INFINITY);
            int measured = 0;
            for (int step = 0; step < steps; step++) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    for (int c = measured; c < candidates.size(); c++) {
                        cost[i] = Math.min(cost[i], Kernels.squaredDistance(x[i], candidates.get(c)));
                    }
                    total += cost[i];
                }
                measured = candidates.size();
                if (total == 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (rnd.nextDouble() < 2.0 * k * cost[i] / total) {
                        candidates.add(x[i].clone());
                    }
                }
            }
            double[][] distinct = candidates.stream().map(DoubleArrayKey::new).distinct()
                    .map(DoubleArrayKey::values).toArray(double[][]::new);
            if (distinct.length <= k) {
                return distinct;
            }
            double[] counts = new double[distinct.length];
            for (double[] p : x) {
                counts[nearest(p, distinct, distinct.length)]++;
            }
            double[][] centers = plusPlus(distinct, counts, k, rnd);
            lloyd(distinct, counts, centers, 30, 1e-4);
            return centers;
        }

        /** Lloyd iterations in place; returns the cluster sizes (total point weights) of the final centers. */
        static long[] lloyd(double[][] x, double[] w, double[][] centers, int maxIterations, double epsilon) {
            int k = centers.length;
            int d = centers[0].length;
            for (int iter = 0; iter < maxIterations; iter++) {
                double[][] sums = new double[k][d];
                double[] totals = new double[k];
                for (int i = 0; i < x.length; i++) {
                    int j = nearest(x[i], centers, k);
                    Kernels.axpy(w[i], x[i], sums[j]);
                    totals[j] += w[i];
                }
                boolean moved = false;
                for (int j = 0; j < k; j++) {
                    if (totals[j] == 0) {
                        continue;
                    }
                    Kernels.scal(1.0 / totals[j], sums[j]);
                    if (Kernels.squaredDistance(sums[j], centers[j]) > epsilon * epsilon) {
                        moved = true;
                    }
                    centers[j] = sums[j];
                }
                if (!moved) {
                    break;
                }
            }
            long[] sizes = new long[k];
            for (double[] p : x) {
                sizes[nearest(p, centers, k)]++;
            }
            return sizes;
        }
    }

    /** A double array with value equality, to remove duplicate candidates. */
    private record DoubleArrayKey(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DoubleArrayKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
