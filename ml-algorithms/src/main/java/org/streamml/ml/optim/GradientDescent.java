package org.streamml.ml.optim;

import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.random.BernoulliSampler;
import org.streamml.streaming.Batch;

/**
 * Spark's {@code GradientDescent.runMiniBatchSGD} over one batch: full-batch (or sampled) gradient steps
 * with step size {@code s/√i}, {@code i} counting from 1 in every call, and Spark's stopping rule. Each
 * iteration is one {@link Batch#aggregatePartitions} of the {@link DataBlock#addGradient} kernel; the
 * partition sums are added in partition order and the driver applies the {@link Updater}.
 *
 * <p>Spark computes the loss in the same pass and runs one extra loss-only pass; neither changes the
 * weights, so they are left out here.
 */
public final class GradientDescent {

    /** The weights (and intercept) after a run and how many updates were applied. */
    public record Result(double[] weights, double intercept, int updates) {
    }

    /** Per-partition gradient sums: entries {@code 0..d-1} weights, entry {@code d} the intercept. */
    static final class GradientSum {
        final double[] grad;
        long count;

        GradientSum(int size) {
            grad = new double[size];
        }

        GradientSum add(GradientSum o) {
            Kernels.axpy(1.0, o.grad, grad);
            count += o.count;
            return this;
        }
    }

    private GradientDescent() {
    }

    /**
     * Runs gradient descent over {@code blocks} (one {@link DataBlock} per partition) from weights
     * {@code w0} and intercept {@code b0} (used only if {@code settings.fitIntercept()}).
     */
    public static Result run(Batch<DataBlock> blocks, LossFunction loss, double[] w0, double b0,
                             GradientDescentSettings settings) {
        int d = w0.length;
        boolean withIntercept = settings.fitIntercept();
        double[] w = w0.clone();
        double b = withIntercept ? b0 : 0.0;
        double[] previous = new double[d + 1];
        double[] current = new double[d + 1];
        int updates = 0;
        for (int i = 1; i <= settings.numIterations(); i++) {
            long[] seeds = settings.miniBatchFraction() < 1.0
                    ? BernoulliSampler.partitionSeeds(settings.samplingSeed() + i, blocks.numPartitions())
                    : null;
            double[] wi = w;
            double bi = b;
            GradientSum sum = blocks.aggregatePartitions(() -> new GradientSum(d + 1), part -> {
                GradientSum s = new GradientSum(d + 1);
                for (DataBlock block : part) {
                    BernoulliSampler sampler = seeds == null ? null
                            : new BernoulliSampler(settings.miniBatchFraction(), seeds[block.partition()]);
                    s.count += block.addGradient(loss, wi, bi, withIntercept, s.grad, sampler);
                }
                return s;
            }, GradientSum::add);
            if (sum.count == 0) {
                continue;
            }
            double eta = settings.stepSize() / Math.sqrt(i);
            double[] next = w.clone();
            settings.updater().apply(next, sum.grad, sum.count, eta, settings.regParam());
            w = next;
            if (withIntercept) {
                b += -eta * (sum.grad[d] / sum.count);
            }
            updates++;
            copy(wi, bi, withIntercept, previous);
            copy(w, b, withIntercept, current);
            if (updates >= 2 && converged(previous, current, settings.convergenceTol())) {
                break;
            }
        }
        return new Result(w, b, updates);
    }

    private static void copy(double[] w, double b, boolean withIntercept, double[] out) {
        System.arraycopy(w, 0, out, 0, w.length);
        out[w.length] = withIntercept ? b : 0.0;
    }

    /** Spark's rule: {@code ||previous − current|| < tol · max(||current||, 1)}. */
    static boolean converged(double[] previous, double[] current, double tol) {
        double diff = 0.0;
        for (int j = 0; j < current.length; j++) {
            double e = previous[j] - current[j];
            diff += e * e;
        }
        return Math.sqrt(diff) < tol * Math.max(Kernels.norm2(current), 1.0);
    }
}
