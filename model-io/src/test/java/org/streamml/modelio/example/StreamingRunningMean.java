package org.streamml.modelio.example;

import java.util.List;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.streaming.AbstractStreamingLearner;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;

/** The example learner: the running mean of a stream of vectors, one update per non-empty batch. */
public final class StreamingRunningMean extends AbstractStreamingLearner<Vector, RunningMeanModel> {

    /** A learner starting from the zero mean of {@code dimension} components, count 0. */
    public StreamingRunningMean(int dimension) {
        super(RunningMeanModel.class);
        setModel(new RunningMeanModel(new double[dimension], 0, 0, RunningMeanModel.NO_BATCH));
    }

    @Override
    protected String noModelMessage() {
        return "no model";
    }

    @Override
    protected void checkCanTrain() {
    }

    @Override
    public RunningMeanModel update(RunningMeanModel model, Batch<Vector> batch, Time time) {
        List<Vector> points = batch.collect();
        if (points.isEmpty()) {
            return model;
        }
        double[] sum = model.mean();
        double count = model.count();
        for (int j = 0; j < sum.length; j++) {
            sum[j] *= count;
        }
        for (Vector x : points) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += x.get(j);
            }
        }
        double total = count + points.size();
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= total;
        }
        return new RunningMeanModel(sum, total, model.version() + 1, time.millis());
    }

    @Override
    public DStream<Double> predictOn(DStream<Vector> data) {
        return data.transform(b -> {
            RunningMeanModel m = latestModel();
            double[] mean = m.mean();
            return b.map(x -> x.squaredDistance(mean));
        });
    }
}
