package org.streamml.ml.drift.adaptation;

import java.util.List;
import java.util.Objects;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.streaming.Batch;

/** Linear regression's adaptation: the absolute error {@code |y - ŷ|}, which ADWIN and Page-Hinkley read as is. */
final class LinearRegressionAdaptation implements LearnerAdaptation<LabeledPoint, LinearRegressionModel> {
    private final StreamingLinearRegressionWithSGD learner;

    LinearRegressionAdaptation(StreamingLinearRegressionWithSGD learner) {
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    @Override
    public StreamingLearner<LabeledPoint, LinearRegressionModel> learner() {
        return learner;
    }

    @Override
    public String errorName() {
        return "absolute error";
    }

    @Override
    public List<double[]> errors(Batch<LabeledPoint> batch, LinearRegressionModel model) {
        return batch.executor().runOnPartitions(batch.partitions(), part -> absoluteErrors(model, part));
    }

    /** {@code |label - prediction|} per record. */
    static double[] absoluteErrors(LinearRegressionModel m, List<LabeledPoint> part) {
        double[] e = new double[part.size()];
        for (int i = 0; i < e.length; i++) {
            LabeledPoint p = part.get(i);
            e[i] = Math.abs(p.label() - m.predict(p.features()));
        }
        return e;
    }

    @Override
    public LinearRegressionModel blank(LinearRegressionModel current) {
        return new LinearRegressionModel(new double[current.numFeatures()], 0.0, current.version(),
                current.lastBatchTimeMillis(), 0.0);
    }

    @Override
    public LinearRegressionModel rebase(LinearRegressionModel start, LinearRegressionModel current) {
        return new LinearRegressionModel(start.weights(), start.intercept(), current.version(),
                current.lastBatchTimeMillis(), start.effectiveCount());
    }

    @Override
    public StreamingLearner<LabeledPoint, LinearRegressionModel> withForgettingScaled(double scale) {
        StreamingLinearRegressionWithSGD.Options o = learner.options();
        LinearForgetting.check(o.forgettingFactor());
        return new StreamingLinearRegressionWithSGD(o.withForgettingFactor(o.forgettingFactor() * scale));
    }
}
