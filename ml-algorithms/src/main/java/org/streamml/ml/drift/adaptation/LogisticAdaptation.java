package org.streamml.ml.drift.adaptation;

import java.util.List;
import java.util.Objects;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.Batch;

/** Logistic regression's adaptation: the 0/1 error of the thresholded prediction (0.5 without a threshold). */
final class LogisticAdaptation implements LearnerAdaptation<LabeledPoint, LogisticRegressionModel> {
    private final StreamingLogisticRegressionWithSGD learner;

    LogisticAdaptation(StreamingLogisticRegressionWithSGD learner) {
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    @Override
    public StreamingLearner<LabeledPoint, LogisticRegressionModel> learner() {
        return learner;
    }

    @Override
    public String errorName() {
        return "0/1 error";
    }

    @Override
    public List<double[]> errors(Batch<LabeledPoint> batch, LogisticRegressionModel model) {
        return batch.executor().runOnPartitions(batch.partitions(), part -> zeroOneErrors(model, part));
    }

    /** 1 where the model's class differs from the label, else 0. */
    static double[] zeroOneErrors(LogisticRegressionModel m, List<LabeledPoint> part) {
        double threshold = m.threshold().orElse(LogisticRegressionModel.DEFAULT_THRESHOLD);
        double[] e = new double[part.size()];
        for (int i = 0; i < e.length; i++) {
            LabeledPoint p = part.get(i);
            double predicted = m.probability(p.features()) > threshold ? 1.0 : 0.0;
            e[i] = predicted == p.label() ? 0.0 : 1.0;
        }
        return e;
    }

    @Override
    public LogisticRegressionModel blank(LogisticRegressionModel current) {
        return new LogisticRegressionModel(new double[current.numFeatures()], 0.0, current.threshold(),
                current.version(), current.lastBatchTimeMillis(), 0.0);
    }

    @Override
    public LogisticRegressionModel rebase(LogisticRegressionModel start, LogisticRegressionModel current) {
        return new LogisticRegressionModel(start.weights(), start.intercept(), start.threshold(), current.version(),
                current.lastBatchTimeMillis(), start.effectiveCount());
    }

    @Override
    public StreamingLearner<LabeledPoint, LogisticRegressionModel> withForgettingScaled(double scale) {
        StreamingLogisticRegressionWithSGD.Options o = learner.options();
        LinearForgetting.check(o.forgettingFactor());
        return new StreamingLogisticRegressionWithSGD(o.withForgettingFactor(o.forgettingFactor() * scale));
    }
}
