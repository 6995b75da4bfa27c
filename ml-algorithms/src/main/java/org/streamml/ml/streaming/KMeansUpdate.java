package org.streamml.ml.streaming;

import java.util.List;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
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

    /** The statistics of one partition against {@code centers}. {@code centers}: Not modified. */
    static Stats partitionStats(List<Vector> points, double[][] centers) {
        int k = centers.length;
        int d = centers[0].length;
        Stats s = new Stats(k, d);
        for (Vector x : points) {
            if (x.size() != d) {
                throw new IllegalArgumentException("a point has dimension " + x.size() + ", the centers have " + d);
            }
            int j = nearest(x, centers);
            s.counts[j]++;
            if (x instanceof DenseVector dv) {
                double[] v = dv.values();
                int off = j * d;
                for (int t = 0; t < d; t++) {
                    s.sums[off + t] += v[t];
                }
            } else {
                addSparse(s.sums, j * d, (SparseVector) x);
            }
        }
        return s;
    }

    private static void addSparse(double[] sums, int off, SparseVector sv) {
        int[] idx = sv.indices();
        double[] val = sv.values();
        for (int q = 0; q < idx.length; q++) {
            sums[off + idx[q]] += val[q];
        }
    }

    private static int nearest(Vector x, double[][] centers) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        if (x instanceof DenseVector dv) {
            double[] v = dv.values();
            for (int j = 0; j < centers.length; j++) {
                double dist = Kernels.squaredDistance(v, centers[j]);
                if (dist < bestDist) {
                    bestDist = dist;
                    best = j;
                }
            }
            return best;
        }
        return KMeansModel.nearest(centers, x);
    }

    /**
     * Applies {@code batch} to {@code centers} and {@code weights} with decay {@code a} in {@code unit}.
     * {@code centers}, {@code weights}: Modified.
     */
    static void apply(Batch<Vector> batch, double[][] centers, double[] weights, double a, DecayUnit unit) {
        int k = centers.length;
        int d = centers[0].length;
        Stats stats = batch.aggregatePartitions(() -> new Stats(k, d), part -> partitionStats(part, centers),
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
