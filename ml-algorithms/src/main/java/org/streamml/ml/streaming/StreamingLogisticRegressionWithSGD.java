package org.streamml.ml.streaming;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.OptionalDouble;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.optim.DataBlock;
import org.streamml.ml.optim.GradientDescentSettings;
import org.streamml.ml.optim.LossFunction;
import org.streamml.ml.optim.Updater;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Time;

/**
 * Streaming binary logistic regression, Spark's {@code StreamingLogisticRegressionWithSGD}: for every
 * non-empty batch, the labels are checked to be 0 or 1 (otherwise the batch fails), then full-batch
 * gradient descent runs from the current weights with step {@code s/√i} ({@code i} restarting at 1 every
 * batch), the squared-L2 updater and no intercept. Every trained model has threshold 0.5 again, as in
 * Spark, unless {@link Options#keepThreshold()}.
 *
 * <pre>{@code
 * StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD();
 * lr.setInitialWeights(Vectors.zeros(3));
 * lr.trainOn(labelled);
 * DStream<Double> classes = lr.predictOn(features);
 * }</pre>
 *
 * <p>Spark's builder methods and constructor work too, with Spark's names, arguments and chaining; each
 * setter replaces the learner's {@link Options} by the matching {@code with} copy, and all are refused
 * with an {@code IllegalStateException} once {@link #trainOn} was called:
 *
 * <pre>{@code
 * new StreamingLogisticRegressionWithSGD().setStepSize(0.5).setNumIterations(10).setRegParam(0.1)
 *         .setInitialWeights(Vectors.zeros(3));
 * new StreamingLogisticRegressionWithSGD(0.5, 10, 1.0, 0.1);   // stepSize, numIterations, miniBatchFraction, regParam
 * }</pre>
 */
public final class StreamingLogisticRegressionWithSGD extends StreamingLinearAlgorithm<LogisticRegressionModel> {

    /**
     * The learner's settings; {@link #defaults()} are Spark's.
     *
     * @param stepSize initial step size {@code s} > 0 (Spark: 0.1)
     * @param numIterations iterations per batch >= 0 (50)
     * @param regParam L2 regularisation {@code λ} >= 0 (0.0)
     * @param miniBatchFraction rows sampled per iteration, in (0, 1] (1.0)
     * @param convergenceTol stopping tolerance in [0, 1] (0.001)
     * @param regularization the updater (Spark: {@link Updater#SQUARED_L2})
     * @param fitIntercept fit and carry an unregularised intercept (Spark: false, no intercept)
     * @param forgettingFactor weight {@code a} >= 0 of the previous model: after a batch of n points the
     *        model is {@code (a·N·w_old + n·w_batch)/(a·N + n)} with {@code N ← a·N + n}; 0 (Spark) keeps
     *        the batch's gradient descent result
     * @param autoInitialWeights start from zeros sized by the first batch when no model is set (Spark:
     *        false, a model is required)
     * @param samplingSeed seed of the row sampler when {@code miniBatchFraction < 1} (Spark: 42)
     * @param keepThreshold carry the previous model's threshold to each new model (Spark: false, every
     *        trained model has threshold 0.5)
     */
    public record Options(double stepSize, int numIterations, double regParam, double miniBatchFraction,
                          double convergenceTol, Updater regularization, boolean fitIntercept,
                          double forgettingFactor, boolean autoInitialWeights, long samplingSeed,
                          boolean keepThreshold) {

        /** Validates the settings. */
        public Options {
            new GradientDescentSettings(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol,
                    Objects.requireNonNull(regularization, "regularization"), fitIntercept, samplingSeed);
            LinearOptionChecks.checkForgetting(forgettingFactor);
        }

        /** Spark's defaults: step 0.1, 50 iterations, λ 0, fraction 1, tolerance 0.001, squared-L2 updater. */
        public static Options defaults() {
            return new Options(0.1, 50, 0.0, 1.0, 0.001, Updater.SQUARED_L2, false, 0.0, false, 42L, false);
        }

        /** A copy that does or does not carry the threshold from model to model. */
        public Options withKeepThreshold(boolean keep) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keep);
        }

        /** A copy with another step size. */
        public Options withStepSize(double s) {
            return new Options(s, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy with another number of iterations. */
        public Options withNumIterations(int t) {
            return new Options(stepSize, t, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy with another regularisation parameter. */
        public Options withRegParam(double lambda) {
            return new Options(stepSize, numIterations, lambda, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy with another mini-batch fraction. */
        public Options withMiniBatchFraction(double f) {
            return new Options(stepSize, numIterations, regParam, f, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy with another convergence tolerance. */
        public Options withConvergenceTol(double tol) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, tol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy with another updater. */
        public Options withRegularization(Updater u) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, u,
                    fitIntercept, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy that does or does not fit an intercept. */
        public Options withFitIntercept(boolean fit) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fit, forgettingFactor, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy with another forgetting factor. */
        public Options withForgettingFactor(double a) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, a, autoInitialWeights, samplingSeed, keepThreshold);
        }

        /** A copy whose forgetting factor halves the past's weight every {@code h} > 0 batches. */
        public Options withHalfLife(double h) {
            return withForgettingFactor(LinearOptionChecks.halfLifeToFactor(h));
        }

        /** A copy that does or does not create zero initial weights from the first batch. */
        public Options withAutoInitialWeights(boolean auto) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, auto, samplingSeed, keepThreshold);
        }

        /** A copy with another sampling seed. */
        public Options withSamplingSeed(long seed) {
            return new Options(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol, regularization,
                    fitIntercept, forgettingFactor, autoInitialWeights, seed, keepThreshold);
        }

        GradientDescentSettings settings() {
            return new GradientDescentSettings(stepSize, numIterations, regParam, miniBatchFraction, convergenceTol,
                    regularization, fitIntercept, samplingSeed);
        }
    }

    private volatile Options options;

    /** A learner with Spark's defaults. */
    public StreamingLogisticRegressionWithSGD() {
        this(Options.defaults());
    }

    /**
     * Spark's constructor {@code StreamingLogisticRegressionWithSGD(stepSize, numIterations,
     * miniBatchFraction, regParam)}, in Spark's argument order (not the {@link Options} order): the defaults
     * with these four settings.
     */
    public StreamingLogisticRegressionWithSGD(double stepSize, int numIterations, double miniBatchFraction,
                                              double regParam) {
        this(Options.defaults().withStepSize(stepSize).withNumIterations(numIterations)
                .withMiniBatchFraction(miniBatchFraction).withRegParam(regParam));
    }

    /** A learner with {@code options}. */
    public StreamingLogisticRegressionWithSGD(Options options) {
        super(LogisticRegressionModel.class, LossFunction.LOGISTIC, Objects.requireNonNull(options, "options").settings(),
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
    public StreamingLogisticRegressionWithSGD setStepSize(double stepSize) {
        return reconfigure("setStepSize", o -> o.withStepSize(stepSize));
    }

    /**
     * Spark's {@code setNumIterations}: {@link Options#withNumIterations}, the iterations per batch. Default 50.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code numIterations} is negative
     */
    public StreamingLogisticRegressionWithSGD setNumIterations(int numIterations) {
        return reconfigure("setNumIterations", o -> o.withNumIterations(numIterations));
    }

    /**
     * Spark's {@code setMiniBatchFraction}: {@link Options#withMiniBatchFraction}. Default 1.0.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code miniBatchFraction} is not in (0, 1]
     */
    public StreamingLogisticRegressionWithSGD setMiniBatchFraction(double miniBatchFraction) {
        return reconfigure("setMiniBatchFraction", o -> o.withMiniBatchFraction(miniBatchFraction));
    }

    /**
     * Spark's {@code setRegParam}: {@link Options#withRegParam}, the squared-L2 {@code λ}. Default 0.0.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code regParam} is negative
     */
    public StreamingLogisticRegressionWithSGD setRegParam(double regParam) {
        return reconfigure("setRegParam", o -> o.withRegParam(regParam));
    }

    /**
     * {@link Options#withConvergenceTol}. Default 0.001. Spark's logistic learner has no such setter (its
     * optimizer has); this one matches {@link StreamingLinearRegressionWithSGD#setConvergenceTol}.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code tolerance} is not in [0, 1]
     */
    public StreamingLogisticRegressionWithSGD setConvergenceTol(double tolerance) {
        return reconfigure("setConvergenceTol", o -> o.withConvergenceTol(tolerance));
    }

    private StreamingLogisticRegressionWithSGD reconfigure(String setter, UnaryOperator<Options> change) {
        checkNotTraining(setter);
        Options next = change.apply(options);
        reconfigure(setter, next.settings(), next.forgettingFactor(), next.autoInitialWeights());
        this.options = next;
        return this;
    }

    @Override
    public StreamingLogisticRegressionWithSGD setInitialWeights(Vector weights) {
        super.setInitialWeights(weights);
        return this;
    }

    @Override
    public StreamingLogisticRegressionWithSGD setInitialModel(LogisticRegressionModel initial) {
        super.setInitialModel(initial);
        return this;
    }

    @Override
    protected LogisticRegressionModel createModel(double[] weights, double intercept, long version,
                                                long batchTimeMillis, double effectiveCount,
                                                LogisticRegressionModel previous) {
        OptionalDouble threshold = options.keepThreshold() && previous != null ? previous.threshold()
                : OptionalDouble.of(LogisticRegressionModel.DEFAULT_THRESHOLD);
        return new LogisticRegressionModel(weights, intercept, threshold, version, batchTimeMillis,
                effectiveCount);
    }

    /** Fails the batch if any label is neither 0 nor 1 (Spark's binary label validation). */
    @Override
    protected void validate(Batch<DataBlock> blocks, Time time) {
        long invalid = blocks.aggregatePartitions(() -> 0L, part -> {
            long bad = 0;
            for (DataBlock b : part) {
                bad += b.countNonBinaryLabels();
            }
            return bad;
        }, Long::sum);
        if (invalid > 0) {
            throw new IllegalArgumentException("Input validation failed: classification labels should be 0 or 1."
                    + " Found " + invalid + " invalid labels in the batch at " + time);
        }
    }

    @Override
    protected double[] weightsOf(LogisticRegressionModel m) {
        return m.weights();
    }

    @Override
    protected double interceptOf(LogisticRegressionModel m) {
        return m.intercept();
    }

    @Override
    protected double effectiveCountOf(LogisticRegressionModel m) {
        return m.effectiveCount();
    }

    @Override
    protected double predict(LogisticRegressionModel m, Vector x) {
        return m.predict(x);
    }

    /** The options: a restart from a checkpoint written with other options is refused. */
    @Override
    public String checkpointFingerprint() {
        return options.toString();
    }
}
