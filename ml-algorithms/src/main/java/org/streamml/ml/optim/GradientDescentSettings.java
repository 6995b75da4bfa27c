package org.streamml.ml.optim;

/**
 * The settings of one {@link GradientDescent} run, taken from a learner's options.
 *
 * @param stepSize the initial step size {@code s} > 0
 * @param numIterations the number of iterations {@code T} >= 0
 * @param regParam the regularisation {@code λ} >= 0 (ignored by {@link Updater#SIMPLE})
 * @param miniBatchFraction the fraction of rows sampled per iteration, in (0, 1]
 * @param convergenceTol the stopping tolerance in [0, 1]
 * @param updater the updater
 * @param fitIntercept whether to fit an unregularised intercept
 * @param samplingSeed the seed of the row sampler; iteration {@code i} samples with {@code seed + i}
 */
public record GradientDescentSettings(double stepSize, int numIterations, double regParam,
                                      double miniBatchFraction, double convergenceTol, Updater updater,
                                      boolean fitIntercept, long samplingSeed) implements java.io.Serializable {

    /** Validates the settings with Spark's rules. */
    public GradientDescentSettings {
        if (!(stepSize > 0)) {
            throw new IllegalArgumentException("step size must be > 0: " + stepSize);
        }
        if (numIterations < 0) {
            throw new IllegalArgumentException("number of iterations must be >= 0: " + numIterations);
        }
        if (!(regParam >= 0)) {
            throw new IllegalArgumentException("regularization parameter must be >= 0: " + regParam);
        }
        if (!(miniBatchFraction > 0 && miniBatchFraction <= 1)) {
            throw new IllegalArgumentException("mini-batch fraction must be in (0, 1]: " + miniBatchFraction);
        }
        if (!(convergenceTol >= 0 && convergenceTol <= 1)) {
            throw new IllegalArgumentException("convergence tolerance must be in [0, 1]: " + convergenceTol);
        }
        java.util.Objects.requireNonNull(updater, "updater");
    }
}
