package org.streamml.ml.online;

import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.optim.LossFunction;

/**
 * Streaming linear regression in online mode (beyond Spark): squared loss {@code (w·x + b − y)²/2}, one
 * optimizer step per record with SGD, AdaGrad or FTRL-Proximal, partitions in parallel and merged per batch by
 * {@link OnlineOptimizer}'s averaging rule. Produces ordinary {@link LinearRegressionModel}s, so model files,
 * {@code predictOn} and the command line's {@code --output} work as with {@code
 * StreamingLinearRegressionWithSGD}, which stays the default (Spark's mini-batch gradient descent).
 *
 * <pre>{@code
 * OnlineLinearRegression lr = new OnlineLinearRegression(OnlineOptions.defaults()
 *         .withOptimizer(OnlineOptimizer.ADAGRAD).withLearningRate(0.5));
 * lr.setInitialWeights(Vectors.zeros(10));
 * lr.trainOn(points);
 * lr.predictOn(features).print();
 * }</pre>
 */
public final class OnlineLinearRegression extends OnlineLinearAlgorithm<LinearRegressionModel> {

    /** A learner with {@link OnlineOptions#defaults()}. */
    public OnlineLinearRegression() {
        this(OnlineOptions.defaults());
    }

    /** A learner with {@code options}. */
    public OnlineLinearRegression(OnlineOptions options) {
        super(LinearRegressionModel.class, options, LossFunction.LEAST_SQUARES, false);
    }

    @Override
    public OnlineLinearRegression setInitialWeights(Vector weights) {
        super.setInitialWeights(weights);
        return this;
    }

    @Override
    public OnlineLinearRegression setInitialModel(LinearRegressionModel initial) {
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
}
