package org.streamml.ml.streaming;

import java.util.List;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.streaming.Batch;

/**
 * Spark's {@code StreamingKMeansModel.update} for one batch: an aggregate over partitions of per-cluster
 * counts and vector sums (nearest center by the direct-sum squared distance, ties to the lowest index),
 * then, on the driver, the discount of every weight, the update of the touched centers and the
 * dying-cluster split.
 */
final class KMeansUpdate {
    /** Spark's relative size under which the smallest cluster is replaced by a split of the largest. */
    static final double DYING_RATIO = 1e-8;
    /** Spark's relative perturbation of a split. */
    static final double SPLIT_PERTURBATION = 1e-14;

    /** Per-cluster point counts and row-major {@code k × d} sums of one partition or of a batch. */
    static final class Stats {
        final long[] counts;
        final double[] sums;
        final int dim;

        Stats(int k, int dim) {
            this.counts = new long[k];
            this.sums = new double[k * dim];
            this.dim = dim;
        }

        Stats add(Stats o) {
            for (int j = 0; j < counts.length; j++) {
                counts[j] += o.counts[j];
            }
            Kernels.axpy(1.0, o.sums, sums);
            return this;
        }

        long total() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }
    }

    private KMeansUpdate() {
    }

    /**
     * The statistics of one partition against the centers, given row-major as {@code flatCenters}
     * ({@code k × d}). Not modified.
     */
    static Stats partitionStats(List<Vector> points, double[] flatCenters, int k, int d) {
        Stats s = new Stats(k, d);
        for (Vector x : points) {
            if (x.size() != d) {
                throw new IllegalArgumentException("a point has dimension " + x.size() + ", the centers have " + d);
            }
            if (x instanceof DenseVector dv) {
                double[] v = dv.values();
                int j = nearestDense(v, flatCenters, k, d);
                s.counts[j]++;
                int off = j * d;
                for (int t = 0; t < d; t++) {
                    s.sums[off + t] += v[t];
                }
            } else {
                SparseVector sv = (SparseVector) x;
                int j = nearestSparse(sv, flatCenters, k, d);
                s.counts[j]++;
                int[] idx = sv.indices();
                double[] val = sv.values();
                for (int q = 0; q < idx.length; q++) {
                    s.sums[j * d + idx[q]] += val[q];
                }
            }
        }
        return s;
    }

    /**
     * The nearest center by the direct-sum squared distance, ties to the lowest index. A partial sum
     * that already reaches the best distance ends that center's sum early: the terms are non-negative,
     * so the full sum could not be strictly smaller, and the result is that of the full search.
     */
    static int nearestDense(double[] v, double[] flat, int k, int d) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            int off = j * d;
            double dist = 0.0;
            int t = 0;
            for (; t < d; t++) {
                double e = v[t] - flat[off + t];
                dist += e * e;
                if (dist >= bestDist) {
                    break;
                }
            }
            if (t == d && dist < bestDist) {
                bestDist = dist;
                best = j;
            }
        }
        return best;
    }

    private static int nearestSparse(SparseVector x, double[] flat, int k, int d) {
        int[] idx = x.indices();
        double[] val = x.values();
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            int off = j * d;
            double dist = 0.0;
            int q = 0;
            for (int t = 0; t < d; t++) {
                double xt = 0.0;
                if (q < idx.length && idx[q] == t) {
                    xt = val[q++];
                }
                double e = xt - flat[off + t];
                dist += e * e;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = j;
            }
        }
        return best;
    }

    /**
     * Applies {@code batch} to {@code centers} and {@code weights} with decay {@code a} in {@code unit}.
     * {@code centers}, {@code weights}: Modified.
     */
    static void apply(Batch<Vector> batch, double[][] centers, double[] weights, double a, DecayUnit unit) {
        int k = centers.length;
        int d = centers[0].length;
        double[] flat = new double[k * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(centers[j], 0, flat, j * d, d);
        }
        Stats stats = batch.aggregatePartitions(() -> new Stats(k, d), part -> partitionStats(part, flat, k, d),
                Stats::add);
        double discount = unit == DecayUnit.BATCHES ? a : Math.pow(a, (double) stats.total());
        Kernels.scal(discount, weights);
        for (int j = 0; j < k; j++) {
            long m = stats.counts[j];
            if (m == 0) {
                continue;
            }
            double updated = weights[j] + m;
            double lambda = m / Math.max(updated, 1e-16);
            weights[j] = updated;
            double[] c = centers[j];
            Kernels.scal(1.0 - lambda, c);
            double scale = lambda / m;
            int off = j * d;
            for (int t = 0; t < d; t++) {
                c[t] += scale * stats.sums[off + t];
            }
        }
        splitDyingCluster(centers, weights);
    }

    /**
     * Spark's dying-cluster rule: if the smallest weight is below 1e-8 times the largest (first index of
     * each), both get their mean weight and the largest center is split in two, {@code ±1e-14·max(|x|, 1)}
     * per coordinate, replacing the smallest. {@code centers}, {@code weights}: Modified.
     *
     * @return whether a split happened
     */
    static boolean splitDyingCluster(double[][] centers, double[] weights) {
        int largest = 0;
        int smallest = 0;
        for (int j = 1; j < weights.length; j++) {
            if (weights[j] > weights[largest]) {
                largest = j;
            }
            if (weights[j] < weights[smallest]) {
                smallest = j;
            }
        }
        double max = weights[largest];
        double min = weights[smallest];
        if (!(min < DYING_RATIO * max)) {
            return false;
        }
        double w = (max + min) / 2.0;
        weights[largest] = w;
        weights[smallest] = w;
        double[] l = centers[largest];
        double[] s = centers[smallest];
        for (int t = 0; t < l.length; t++) {
            double x = l[t];
            double p = SPLIT_PERTURBATION * Math.max(Math.abs(x), 1.0);
            l[t] = x + p;
            s[t] = x - p;
        }
        return true;
    }
}
