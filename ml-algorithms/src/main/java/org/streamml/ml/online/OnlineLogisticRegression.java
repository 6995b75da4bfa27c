package org.streamml.ml.online;

import java.util.OptionalDouble;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.optim.LossFunction;

/**
 * Streaming binary logistic regression in online mode (beyond Spark): logistic loss for labels 0/1 (a batch
 * with another label fails, as in Spark), one optimizer step per record with SGD, AdaGrad or FTRL-Proximal
 * (the optimizer of McMahan et al.'s click prediction), partitions in parallel and merged per batch by
 * {@link OnlineOptimizer}'s averaging rule. Produces ordinary {@link LogisticRegressionModel}s; each new model
 * keeps its predecessor's threshold (0.5 unless set).
 *
 * <pre>{@code
 * OnlineLogisticRegression lr = new OnlineLogisticRegression(OnlineOptions.defaults()
 *         .withOptimizer(OnlineOptimizer.FTRL).withLearningRate(0.5).withL1(1.0));
 * lr.setInitialWeights(Vectors.zeros(10));
 * lr.trainOn(labelled);
 * DStream<Double> classes = lr.predictOn(features);
 * }</pre>
 */
public final class OnlineLogisticRegression extends OnlineLinearAlgorithm<LogisticRegressionModel> {

    /** A learner with {@link OnlineOptions#defaults()}. */
    public OnlineLogisticRegression() {
        this(OnlineOptions.defaults());
    }

    /** A learner with {@code options}. */
    public OnlineLogisticRegression(OnlineOptions options) {
        super(LogisticRegressionModel.class, options, LossFunction.LOGISTIC, true);
    }

    @Override
    public OnlineLogisticRegression setInitialWeights(Vector weights) {
        super.setInitialWeights(weights);
        return this;
    }

    @Override
    public OnlineLogisticRegression setInitialModel(LogisticRegressionModel initial) {
        super.setInitialModel(initial);
        return this;
    }

    @Override
    protected LogisticRegressionModel createModel(double[] weights, double intercept, long version,
                                                  long batchTimeMillis, double effectiveCount,
                                                  LogisticRegressionModel previous) {
        OptionalDouble threshold = previous != null ? previous.threshold()
                : OptionalDouble.of(LogisticRegressionModel.DEFAULT_THRESHOLD);
        return new LogisticRegressionModel(weights, intercept, threshold, version, batchTimeMillis,
                effectiveCount);
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
}
