package org.streamml.ml.online;

import java.util.Objects;

/**
 * The settings of the online learners ({@link OnlineLinearRegression}, {@link OnlineLogisticRegression}):
 * which per-record optimizer runs and its hyperparameters. {@link #defaults()} is plain SGD with
 * {@code η_t = 0.1/√t} and an intercept.
 *
 * @param optimizer the per-record optimizer (SGD)
 * @param learningRate SGD's and AdaGrad's {@code η}, FTRL's {@code α}; > 0 (0.1)
 * @param schedule how SGD's rate changes with the records seen, {@code η/√t} or constant ({@link
 *        Schedule#INVERSE_SQRT}); AdaGrad and FTRL adapt their rates per coordinate and ignore it
 * @param beta FTRL's {@code β} > 0, the smoothing of its per-coordinate rate {@code α/(β + √n)} (1.0); positive
 *        so that the first rate {@code α/β} is finite and a model's weights can seed the state
 * @param l1 FTRL's L1 strength {@code λ1} >= 0 (0.0); SGD and AdaGrad ignore it
 * @param l2 FTRL's L2 strength {@code λ2} >= 0 (0.0); SGD and AdaGrad ignore it
 * @param fitIntercept fit an unregularised intercept (true)
 */
public record OnlineOptions(OnlineOptimizer optimizer, double learningRate, Schedule schedule, double beta,
                            double l1, double l2, boolean fitIntercept) implements java.io.Serializable {

    /** SGD's learning-rate schedule; {@code t} counts the records the optimizer state has seen, from 1. */
    public enum Schedule {
        /** {@code η_t = η/√t}: the rate of the classic convergence bounds for convex losses. */
        INVERSE_SQRT,
        /** {@code η_t = η}: keeps tracking a drifting target, never settles. */
        CONSTANT
    }

    /** Validates the settings. */
    public OnlineOptions {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0: " + learningRate);
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0: " + beta);
        }
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("l1 must be finite and >= 0: " + l1);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0: " + l2);
        }
    }

    /** Plain SGD, {@code η_t = 0.1/√t}, FTRL's {@code β = 1}, no L1 or L2, with an intercept. */
    public static OnlineOptions defaults() {
        return new OnlineOptions(OnlineOptimizer.SGD, 0.1, Schedule.INVERSE_SQRT, 1.0, 0.0, 0.0, true);
    }

    /** A copy with another optimizer. */
    public OnlineOptions withOptimizer(OnlineOptimizer o) {
        return new OnlineOptions(o, learningRate, schedule, beta, l1, l2, fitIntercept);
    }

    /** A copy with another learning rate ({@code η}, or FTRL's {@code α}). */
    public OnlineOptions withLearningRate(double eta) {
        return new OnlineOptions(optimizer, eta, schedule, beta, l1, l2, fitIntercept);
    }

    /** A copy with another SGD schedule. */
    public OnlineOptions withSchedule(Schedule s) {
        return new OnlineOptions(optimizer, learningRate, s, beta, l1, l2, fitIntercept);
    }

    /** A copy with another FTRL {@code β}. */
    public OnlineOptions withBeta(double b) {
        return new OnlineOptions(optimizer, learningRate, schedule, b, l1, l2, fitIntercept);
    }

    /** A copy with another FTRL {@code λ1}. */
    public OnlineOptions withL1(double lambda1) {
        return new OnlineOptions(optimizer, learningRate, schedule, beta, lambda1, l2, fitIntercept);
    }

    /** A copy with another FTRL {@code λ2}. */
    public OnlineOptions withL2(double lambda2) {
        return new OnlineOptions(optimizer, learningRate, schedule, beta, l1, lambda2, fitIntercept);
    }

    /** A copy that does or does not fit an intercept. */
    public OnlineOptions withFitIntercept(boolean fit) {
        return new OnlineOptions(optimizer, learningRate, schedule, beta, l1, l2, fit);
    }
}
