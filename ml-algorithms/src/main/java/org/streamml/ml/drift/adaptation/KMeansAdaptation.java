package org.streamml.ml.drift.adaptation;

import java.util.List;
import java.util.Objects;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.Batch;

/**
 * K-means' adaptation: the Euclidean distance from each point to its nearest center (not squared, so that one
 * far point does not dominate a detector's mean).
 */
final class KMeansAdaptation implements LearnerAdaptation<Vector, KMeansModel> {
    private final StreamingKMeans learner;

    KMeansAdaptation(StreamingKMeans learner) {
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    @Override
    public StreamingLearner<Vector, KMeansModel> learner() {
        return learner;
    }

    @Override
    public String errorName() {
        return "distance to the nearest center";
    }

    @Override
    public List<double[]> errors(Batch<Vector> batch, KMeansModel model) {
        return batch.executor().runOnPartitions(batch.partitions(), part -> distances(model, part));
    }

    /** The distance from each point to its nearest center. */
    static double[] distances(KMeansModel m, List<Vector> part) {
        double[] e = new double[part.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.sqrt(m.cost(part.get(i)));
        }
        return e;
    }

    @Override
    public KMeansModel blank(KMeansModel current) {
        return new KMeansModel(current.centers(), new double[current.k()], current.version(),
                current.lastBatchTimeMillis());
    }

    @Override
    public KMeansModel rebase(KMeansModel start, KMeansModel current) {
        return new KMeansModel(start.centers(), start.clusterWeights(), current.version(),
                current.lastBatchTimeMillis());
    }

    @Override
    public StreamingLearner<Vector, KMeansModel> withForgettingScaled(double scale) {
        StreamingKMeans.Options o = learner.options();
        return new StreamingKMeans(o.withDecayFactor(o.decayFactor() * scale));
    }
}
