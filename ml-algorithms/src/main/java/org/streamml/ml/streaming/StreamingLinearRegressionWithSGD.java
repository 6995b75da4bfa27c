package org.streamml.ml.streaming;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.optim.GradientDescentSettings;
import org.streamml.ml.optim.LossFunction;
import org.streamml.ml.optim.Updater;

/**
 * Streaming linear regression by least squares, Spark's {@code StreamingLinearRegressionWithSGD}: for
 * every non-empty batch, full-batch gradient descent from the current weights with step {@code s/√i}
 * ({@code i} restarting at 1 every batch), the simple updater (so {@code regParam} has no effect unless
 * {@link Options#withRegularization} picks another updater) and no intercept.
 *
 * <pre>{@code
 * StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(
 *         StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25));
 * lr.setInitialWeights(Vectors.zeros(2));
 * lr.trainOn(trainingStream);
 * lr.predictOnValues(testStream.mapToPair(p -> Pair.of(p.label(), p.features()))).print();
 * }</pre>
 *
 * <p>Spark's builder methods work too, with Spark's names, arguments and chaining; each replaces the
 * learner's {@link Options} by the matching {@code with} copy, and all are refused with an
 * {@code IllegalStateException} once {@link #trainOn} was called:
 *
 * <pre>{@code
 * StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD()
 *         .setStepSize(0.2).setNumIterations(25).setMiniBatchFraction(1.0).setConvergenceTol(0.001)
 *         .setInitialWeights(Vectors.zeros(2));   // same as the Options above
 * }</pre>
 */
public final class StreamingLinearRegressionWithSGD extends StreamingLinearAlgorithm<LinearRegressionModel> {

    /**
     * The learner's settings; {@link #defaults()} are Spark's.
     *
     * @param stepSize initial step size {@code s} > 0 (Spark: 0.1)
     * @param numIterations iterations per batch >= 0 (50)
     * @param regParam regularisation {@code λ} >= 0 (0.0); ignored by Spark's simple updater
     * @param miniBatchFraction rows sampled per iteration, in (0, 1] (1.0)
     * @param convergenceTol stopping tolerance in [0, 1] (0.001)
     * @param regularization the updater (Spark: {@link Updater#SIMPLE}; {@link Updater#SQUARED_L2}
     *        makes {@code regParam} apply, a difference from Spark)
     * @param fitIntercept fit and carry an unregularised intercept (Spark: false, no intercept)
     * @param forgettingFactor weight {@code a} >= 0 of the previous model: after a batch of n points the
     *        model is {@code (a·N·w_old + n·w_batch)/(a·N + n)} with {@code N ← a·N + n}; 0 (Spark) keeps
     *        the batch's gradient descent result
     * @param autoInitialWeights start from zeros sized by the first batch when no model is set (Spark:
     *        false, a model is required)
     * @param samplingSeed seed of the row sampler when {@code miniBatchFraction < 1} (Spark: 42)
     */
    public record Options(double stepSize, int numIterations, double regParam, double miniBatchFraction,
                          double convergenceTol, Updater regularization, boolean fitIntercept,
                          double forgettingFactor, boolean autoInitialWeights, long samplingSeed) {

        /** Validates the settings. */
        public Options {
            new GradientDescentSettings(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol,
                    Objects.requireNonNull(regularization, "regularization"), fitIntercept, samplingSeed);
            LinearOptionChecks.checkForgetting(forgettingFactor);
        }

        /** Spark's defaults: step 0.1, 50 iterations, λ 0, fraction 1, tolerance 0.001, simple updater. */
        public static Options defaults() {
            return new Options(0.1, 50, 0.0, 1.0, 0.001, Updater.SIMPLE, false, 0.0, false, 42L);
        }

        /** A copy with another step size. */
        public Options withStepSize(double s) {
            return new Options(s, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy with another number of iterations. */
        public Options withNumIterations(int t) {
            return new Options(stepSize, t, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy with another regularisation parameter. */
        public Options withRegParam(double lambda) {
            return new Options(stepSize, numIterations, lambda, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy with another mini-batch fraction. */
        public Options withMiniBatchFraction(double f) {
            return new Options(stepSize, numIterations, regParam, f, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy with another convergence tolerance. */
        public Options withConvergenceTol(double tol) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, tol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy with another updater. */
        public Options withRegularization(Updater u) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, u,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy that does or does not fit an intercept. */
        public Options withFitIntercept(boolean fit) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fit, forgettingFactor, autoInitialWeights, samplingSeed);
        }

        /** A copy with another forgetting factor. */
        public Options withForgettingFactor(double a) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, a, autoInitialWeights, samplingSeed);
        }

        /** A copy whose forgetting factor halves the past's weight every {@code h} > 0 batches. */
        public Options withHalfLife(double h) {
            return withForgettingFactor(LinearOptionChecks.halfLifeToFactor(h));
        }

        /** A copy that does or does not create zero initial weights from the first batch. */
        public Options withAutoInitialWeights(boolean auto) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, auto, samplingSeed);
        }

        /** A copy with another sampling seed. */
        public Options withSamplingSeed(long seed) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, seed);
        }

        GradientDescentSettings settings() {
            return new GradientDescentSettings(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol,
                    regularization, fitIntercept, samplingSeed);
        }
    }

    private volatile Options options;

    /** A learner with Spark's defaults. */
    public StreamingLinearRegressionWithSGD() {
        this(Options.defaults());
    }

    /**
     * Spark's constructor {@code StreamingLinearRegressionWithSGD(stepSize, numIterations,
     * miniBatchFraction)}: the defaults with these three settings.
     */
    public StreamingLinearRegressionWithSGD(double stepSize, int numIterations, double miniBatchFraction) {
        this(Options.defaults().withStepSize(stepSize).withNumIterations(numIterations)
                .withMiniBatchFraction(miniBatchFraction));
    }

    /** A learner with {@code options}. */
    public StreamingLinearRegressionWithSGD(Options options) {
        super(LinearRegressionModel.class, LossFunction.LEAST_SQUARES, Objects.requireNonNull(options, "options").settings(),
                options.forgettingFactor(), options.autoInitialWeights());
        this.options = options;
    }

    /** The learner's settings (the Spark-style setters replace them). */
    public Options options() {
        return options;
    }

    /**
     * Spark's {@code setStepSize}: {@link Options#withStepSize}. Default 0.1.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code stepSize} is not > 0
     */
    public StreamingLinearRegressionWithSGD setStepSize(double stepSize) {
        return reconfigure("setStepSize", o -> o.withStepSize(stepSize));
    }

    /**
     * Spark's {@code setNumIterations}: {@link Options#withNumIterations}, the iterations per batch. Default 50.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code numIterations} is negative
     */
    public StreamingLinearRegressionWithSGD setNumIterations(int numIterations) {
        return reconfigure("setNumIterations", o -> o.withNumIterations(numIterations));
    }

    /**
     * Spark's {@code setMiniBatchFraction}: {@link Options#withMiniBatchFraction}. Default 1.0.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code miniBatchFraction} is not in (0, 1]
     */
    public StreamingLinearRegressionWithSGD setMiniBatchFraction(double miniBatchFraction) {
        return reconfigure("setMiniBatchFraction", o -> o.withMiniBatchFraction(miniBatchFraction));
    }

    /**
     * Spark's {@code setConvergenceTol}: {@link Options#withConvergenceTol}. Default 0.001.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code tolerance} is not in [0, 1]
     */
    public StreamingLinearRegressionWithSGD setConvergenceTol(double tolerance) {
        return reconfigure("setConvergenceTol", o -> o.withConvergenceTol(tolerance));
    }

    private StreamingLinearRegressionWithSGD reconfigure(String setter, UnaryOperator<Options> change) {
        checkNotTraining(setter);
        Options next = change.apply(options);
        reconfigure(setter, next.settings(), next.forgettingFactor(), next.autoInitialWeights());
        this.options = next;
        return this;
    }

    @Override
    public StreamingLinearRegressionWithSGD setInitialWeights(Vector weights) {
        super.setInitialWeights(weights);
        return this;
    }

    @Override
    public StreamingLinearRegressionWithSGD setInitialModel(LinearRegressionModel initial) {
        super.setInitialModel(initial);
        return this;
    }

    @Override
    protected LinearRegressionModel createModel(double[] weights, double intercept, long version,
                                                long batchTimeMillis, double effectiveCount,
                                                LinearRegressionModel previous) {
        return new LinearRegressionModel(weights, intercept, version, batchTimeMillis, effectiveCount);
    }

    @Override
    protected double[] weightsOf(LinearRegressionModel m) {
        return m.weights();
    }

    @Override
    protected double interceptOf(LinearRegressionModel m) {
        return m.intercept();
    }

    @Override
    protected double effectiveCountOf(LinearRegressionModel m) {
        return m.effectiveCount();
    }

    @Override
    protected double predict(LinearRegressionModel m, Vector x) {
        return m.predict(x);
    }

    /** The options: a restart from a checkpoint written with other options is refused. */
    @Override
    public String checkpointFingerprint() {
        return options.toString();
    }
}
