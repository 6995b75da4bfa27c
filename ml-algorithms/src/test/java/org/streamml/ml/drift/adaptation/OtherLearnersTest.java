package org.streamml.ml.drift.adaptation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.Adwin;
import org.streamml.ml.evaluation.ClusteringMetrics;
import org.streamml.ml.evaluation.PrequentialComparison;
import org.streamml.ml.evaluation.RegressionMetrics;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.streaming.testkit.TestDriver;

/** Adaptation of linear regression (absolute error) and k-means (distance to the nearest center). */
class OtherLearnersTest {
    private static final int BATCHES = 24;
    private static final int BATCH = 200;
    private static final int CHANGE_BATCH = 10;

    @Test
    void shouldAdaptLinearRegressionToAChangedSlope() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11L);
        List<List<LabeledPoint>> data = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            double slope = b < CHANGE_BATCH ? 2.0 : -2.0;
            List<LabeledPoint> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                double x = rnd.nextDouble(-1, 1);
                batch.add(new LabeledPoint(slope * x + 0.1 * rnd.nextDouble(-1, 1), Vectors.dense(x)));
            }
            data.add(batch);
        }
        StreamingLinearRegressionWithSGD.Options o = StreamingLinearRegressionWithSGD.Options.defaults()
                .withStepSize(0.5).withNumIterations(20).withForgettingFactor(1.0);
        AdaptiveLearner<LabeledPoint, LinearRegressionModel> adaptive = AdaptiveLearner.linear(
                new StreamingLinearRegressionWithSGD(o).setInitialWeights(Vectors.zeros(1)), new Adwin(),
                AdaptiveLearner.Options.defaults());
        StreamingLinearRegressionWithSGD plain = new StreamingLinearRegressionWithSGD(o)
                .setInitialWeights(Vectors.zeros(1));
        AtomicReference<PrequentialComparison<RegressionMetrics>> cmp = new AtomicReference<>();
        TestDriver.run(data, BATCHES, s -> cmp.set(PrequentialComparison.regression(adaptive, plain, s, b -> {
        })));

        assertFalse(adaptive.detections().isEmpty());
        double with = cmp.get().adaptive().summary().rmse();
        double without = cmp.get().plain().summary().rmse();
        assertTrue(with < 0.8 * without, with + " vs " + without);
    }

    @Test
    void shouldAdaptKMeansToMovedClusters() throws Exception {
        SplittableRandom rnd = new SplittableRandom(12L);
        List<List<Vector>> data = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            double shift = b < CHANGE_BATCH ? 0.0 : 6.0;
            List<Vector> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                double c = (i % 2 == 0 ? -2.0 : 2.0) + shift;
                batch.add(Vectors.dense(c + 0.3 * rnd.nextDouble(-1, 1), 0.3 * rnd.nextDouble(-1, 1)));
            }
            data.add(batch);
        }
        double[][] centers = {{-1.0, 0.0}, {1.0, 0.0}};
        StreamingKMeans.Options o = StreamingKMeans.Options.defaults().withK(2);
        AdaptiveLearner<Vector, KMeansModel> adaptive = AdaptiveLearner.kMeans(
                new StreamingKMeans(o).setInitialCenters(centers, new double[] {0, 0}), new Adwin(),
                AdaptiveLearner.Options.defaults().withPolicy(DriftPolicy.RAISE_FORGETTING).withForgettingScale(0.0)
                        .withBoostBatches(1));
        StreamingKMeans plain = new StreamingKMeans(o).setInitialCenters(centers, new double[] {0, 0});
        AtomicReference<PrequentialComparison<ClusteringMetrics>> cmp = new AtomicReference<>();
        TestDriver.run(data, BATCHES, s -> cmp.set(PrequentialComparison.clustering(adaptive, plain, s, b -> {
        })));

        assertFalse(adaptive.detections().isEmpty());
        double with = cmp.get().adaptive().summary().cost();
        double without = cmp.get().plain().summary().cost();
        assertTrue(with < 0.5 * without, with + " vs " + without);
    }
}
