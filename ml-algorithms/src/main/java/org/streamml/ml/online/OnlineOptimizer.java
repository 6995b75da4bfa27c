package org.streamml.ml.online;

import java.util.List;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.optim.LossFunction;

/**
 * The per-record optimizers of the online mode, each with its flat state (coordinate {@code d} of every
 * per-coordinate block is the intercept, {@code p = d + 1}) and the rule for merging the partitions of a batch.
 *
 * <p>The merge rule, the same for all three: every partition starts the batch from the same state {@code s₀},
 * partition {@code i} trains on its {@code nᵢ} records in order and ends at {@code sᵢ}, and the merged state
 * is the record-weighted average {@code Σ nᵢ·sᵢ / N} ({@code N = Σ nᵢ}, summed in partition order; partitions
 * without records take no part) of the whole state:
 * <ul>
 *   <li>{@link #SGD}: the weights and intercept, and the record count {@code t} of the {@code η/√t} schedule
 *       (so {@code t} grows by about {@code N/P} per batch over P equal partitions: the rate follows the steps
 *       each averaged model took, not the records all partitions saw).</li>
 *   <li>{@link #ADAGRAD}: the weights and the squared-gradient sums {@code G}, for the same reason; a convex
 *       combination of AdaGrad states is one ({@code G >= 0}).</li>
 *   <li>{@link #FTRL}: {@code z} and {@code n}, and the model's weights are FTRL's closed form of the averaged
 *       state (not the average of the partitions' weights; the two agree when the partitions' {@code n} agree
 *       and no L1 clipping differs). Averaging keeps {@code w ≈ −α·z/(β + √n)} consistent: when every
 *       partition has converged to the same {@code w}, the merge returns it, whereas summing the increments
 *       of {@code z} and {@code n} would scale it by about {@code √P}.</li>
 * </ul>
 * The merge is deterministic: the same data in the same partitions gives a bit-identical state.
 */
public enum OnlineOptimizer {
    /** Plain SGD, rate {@code η/√t} or constant ({@link OnlineOptions#schedule()}); state: weights, then t. */
    SGD {
        @Override
        int stateSize(int d) {
            return d + 2;
        }

        @Override
        double[] initialState(double[] w, double b, OnlineOptions o) {
            double[] s = new double[w.length + 2];
            System.arraycopy(w, 0, s, 0, w.length);
            s[w.length] = b;
            return s;
        }

        @Override
        void step(Vector x, double y, LossFunction loss, OnlineOptions o, double[] s, double[] scratch, int d) {
            double t = s[d + 1] + 1.0;
            s[d + 1] = t;
            double rate = o.schedule() == OnlineOptions.Schedule.INVERSE_SQRT
                    ? o.learningRate() / Math.sqrt(t) : o.learningRate();
            if (x instanceof DenseVector dv) {
                OnlineKernels.sgdDense(dv.values(), y, loss, rate, s, d, o.fitIntercept());
            } else {
                SparseVector sv = (SparseVector) x;
                OnlineKernels.sgdSparse(sv.indices(), sv.values(), sv.numActives(), y, loss, rate, s, d,
                        o.fitIntercept());
            }
        }

        @Override
        double weights(double[] s, int d, OnlineOptions o, double[] w) {
            System.arraycopy(s, 0, w, 0, d);
            return s[d];
        }
    },
    /** AdaGrad (Duchi, Hazan and Singer 2011), rate {@code η/√G_j} per coordinate; state: weights, then G. */
    ADAGRAD {
        @Override
        int stateSize(int d) {
            return 2 * (d + 1);
        }

        @Override
        double[] initialState(double[] w, double b, OnlineOptions o) {
            double[] s = new double[stateSize(w.length)];
            System.arraycopy(w, 0, s, 0, w.length);
            s[w.length] = b;
            return s;
        }

        @Override
        void step(Vector x, double y, LossFunction loss, OnlineOptions o, double[] s, double[] scratch, int d) {
            if (x instanceof DenseVector dv) {
                OnlineKernels.adagradDense(dv.values(), y, loss, o.learningRate(), s, d, o.fitIntercept());
            } else {
                SparseVector sv = (SparseVector) x;
                OnlineKernels.adagradSparse(sv.indices(), sv.values(), sv.numActives(), y, loss, o.learningRate(),
                        s, d, o.fitIntercept());
            }
        }

        @Override
        double weights(double[] s, int d, OnlineOptions o, double[] w) {
            System.arraycopy(s, 0, w, 0, d);
            return s[d];
        }
    },
    /**
     * FTRL-Proximal (McMahan et al. 2013, "Ad Click Prediction: a View from the Trenches", Algorithm 1),
     * per-coordinate rate {@code α/(β + √n_j)}, L1 {@code λ1} and L2 {@code λ2} on the weights (not the
     * intercept); state: {@code z}, then {@code n}.
     */
    FTRL {
        @Override
        int stateSize(int d) {
            return 2 * (d + 1);
        }

        /** {@code n = 0} and the {@code z} whose closed-form weight is {@code w}: {@code −w·(β/α + λ2) − sgn(w)·λ1}. */
        @Override
        double[] initialState(double[] w, double b, OnlineOptions o) {
            int d = w.length;
            double[] s = new double[stateSize(d)];
            double scale = o.beta() / o.learningRate();
            for (int j = 0; j < d; j++) {
                s[j] = w[j] == 0.0 ? 0.0 : -w[j] * (scale + o.l2()) - Math.signum(w[j]) * o.l1();
            }
            s[d] = -b * scale;
            return s;
        }

        @Override
        double[] scratch(double[] s, int d, OnlineOptions o) {
            return OnlineKernels.ftrlScratch(s, d, o);
        }

        @Override
        void step(Vector x, double y, LossFunction loss, OnlineOptions o, double[] s, double[] scratch, int d) {
            double invAlpha = 1.0 / o.learningRate();
            if (x instanceof DenseVector dv) {
                OnlineKernels.ftrlDense(dv.values(), y, loss, o, invAlpha, s, scratch, d, o.fitIntercept());
            } else {
                SparseVector sv = (SparseVector) x;
                OnlineKernels.ftrlSparse(sv.indices(), sv.values(), sv.numActives(), y, loss, o, invAlpha, s,
                        scratch, d, o.fitIntercept());
            }
        }

        /** The closed form, computed as the kernels compute it. */
        @Override
        double weights(double[] s, int d, OnlineOptions o, double[] w) {
            double[] sc = OnlineKernels.ftrlScratch(s, d, o);
            System.arraycopy(sc, 0, w, 0, d);
            return sc[d];
        }
    };

    /** What one partition's task returns: its records trained on, the labels refused, its final state. */
    record PartitionResult(long records, long invalidLabels, double[] state) {
    }

    /** The length of the state for {@code d} features. */
    abstract int stateSize(int d);

    /** The state that starts from weights {@code w} and intercept {@code b} (a model without optimizer state). */
    abstract double[] initialState(double[] w, double b, OnlineOptions o);

    /** A task's scratch, allocated once per task; none by default. */
    double[] scratch(double[] s, int d, OnlineOptions o) {
        return null;
    }

    /** One step on record {@code (x, y)}. {@code s} and {@code scratch}: Modified. */
    abstract void step(Vector x, double y, LossFunction loss, OnlineOptions o, double[] s, double[] scratch, int d);

    /**
     * Writes the merge of {@code parts} (of {@code total > 0} records) into {@code out}: the record-weighted
     * average of their states, summed in partition order.
     */
    static void merge(List<PartitionResult> parts, long total, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (PartitionResult r : parts) {
            if (r.records() == 0) {
                continue;
            }
            double weight = r.records();
            double[] s = r.state();
            for (int j = 0; j < out.length; j++) {
                out[j] += weight * s[j];
            }
        }
        double n = total;
        for (int j = 0; j < out.length; j++) {
            out[j] /= n;
        }
    }

    /** Writes the model's {@code d} weights of state {@code s} into {@code w} and returns its intercept. */
    abstract double weights(double[] s, int d, OnlineOptions o, double[] w);

    /**
     * Trains a copy of {@code start} on the records of one partition, in order. With {@code binaryLabels}, a
     * record whose label is neither 0 nor 1 is counted and skipped (the caller fails the batch).
     *
     * @throws IllegalArgumentException naming the partition and row of a point with another dimension
     */
    PartitionResult train(int partition, List<LabeledPoint> points, double[] start, int d, LossFunction loss,
                          boolean binaryLabels, OnlineOptions o) {
        double[] s = start.clone();
        double[] scratch = scratch(s, d, o);
        long invalid = 0;
        int n = points.size();
        for (int r = 0; r < n; r++) {
            LabeledPoint point = points.get(r);
            double y = point.label();
            if (binaryLabels && y != 0.0 && y != 1.0) {
                invalid++;
                continue;
            }
            Vector x = point.features();
            if (x.size() != d) {
                throw new IllegalArgumentException("point " + r + " of partition " + partition + " has "
                        + x.size() + " features, the model has " + d);
            }
            step(x, y, loss, o, s, scratch, d);
        }
        return new PartitionResult(n - invalid, invalid, s);
    }
}
