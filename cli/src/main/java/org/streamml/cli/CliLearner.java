package org.streamml.cli;

import java.util.List;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.DStream;

/** One streaming learner as the train command drives it: seed it, register it, read its model. */
interface CliLearner {

    /** Starts from {@code model} (for example one loaded from a file); its type must match. */
    void setInitialModel(Model model);

    /**
     * How many of the input's first records {@link #initializeFrom} needs: k for k-means (its first centers),
     * 1 for the linear learners (the dimension).
     */
    int recordsToSeed();

    /**
     * Seeds the learner from the input when no initial model was set (DESIGN.md §4's defaults): zero weights of
     * {@code dimension} features, or k-means' first k records with weight 0.
     *
     * @param first the input's first {@link #recordsToSeed()} records, fewer only if the input has fewer
     */
    void initializeFrom(int dimension, List<LabeledPoint> first);

    /** Registers training on {@code stream}. */
    void trainOn(DStream<LabeledPoint> stream);

    /** The current model. */
    Model latestModel();

    /** A learner for a linear regression. */
    static CliLearner linear(StreamingLinearRegressionWithSGD learner) {
        return new CliLearner() {
            @Override
            public void setInitialModel(Model model) {
                learner.setInitialModel(cast(model, LinearRegressionModel.class));
            }

            @Override
            public int recordsToSeed() {
                return 1;
            }

            @Override
            public void initializeFrom(int dimension, List<LabeledPoint> first) {
                if (!learner.hasModel()) {
                    learner.setInitialWeights(Vectors.zeros(dimension));
                }
            }

            @Override
            public void trainOn(DStream<LabeledPoint> stream) {
                learner.trainOn(stream);
            }

            @Override
            public Model latestModel() {
                return learner.latestModel();
            }
        };
    }

    /** A learner for a logistic regression. */
    static CliLearner logistic(StreamingLogisticRegressionWithSGD learner) {
        return new CliLearner() {
            @Override
            public void setInitialModel(Model model) {
                learner.setInitialModel(cast(model, LogisticRegressionModel.class));
            }

            @Override
            public int recordsToSeed() {
                return 1;
            }

            @Override
            public void initializeFrom(int dimension, List<LabeledPoint> first) {
                if (!learner.hasModel()) {
                    learner.setInitialWeights(Vectors.zeros(dimension));
                }
            }

            @Override
            public void trainOn(DStream<LabeledPoint> stream) {
                learner.trainOn(stream);
            }

            @Override
            public Model latestModel() {
                return learner.latestModel();
            }
        };
    }

    /** A learner for k-means; without an initial model it starts from the first k records, weight 0. */
    static CliLearner kmeans(StreamingKMeans learner) {
        return new CliLearner() {
            private boolean seeded;

            @Override
            public void setInitialModel(Model model) {
                learner.setInitialModel(cast(model, KMeansModel.class));
                seeded = true;
            }

            @Override
            public int recordsToSeed() {
                return learner.options().k();
            }

            @Override
            public void initializeFrom(int dimension, List<LabeledPoint> points) {
                if (seeded) {
                    return;
                }
                int k = learner.options().k();
                if (points.size() < k) {
                    throw new IllegalArgumentException("k-means starts from the first k = " + k
                            + " records, but the input has only " + points.size());
                }
                double[][] centers = new double[k][];
                for (int j = 0; j < k; j++) {
                    centers[j] = points.get(j).features().toArray();
                }
                learner.setInitialCenters(centers, new double[k]);
                seeded = true;
            }

            @Override
            public void trainOn(DStream<LabeledPoint> stream) {
                DStream<Vector> features = stream.map(LabeledPoint::features);
                learner.trainOn(features);
            }

            @Override
            public Model latestModel() {
                return learner.latestModel();
            }
        };
    }

    private static <M extends Model> M cast(Model model, Class<M> type) {
        if (!type.isInstance(model)) {
            throw new IllegalArgumentException("the initial model is a " + model.type() + " model, this algorithm"
                    + " needs " + type.getSimpleName());
        }
        return type.cast(model);
    }
}
