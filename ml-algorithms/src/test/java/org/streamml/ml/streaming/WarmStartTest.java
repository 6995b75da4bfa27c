package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.offline.KMeansTrainer;
import org.streamml.ml.offline.LeastSquares;
import org.streamml.ml.offline.LogisticRegressionNewton;
import org.streamml.streaming.testkit.TestDriver;

/** Offline models handed to streaming learners. */
class WarmStartTest {

    @Test
    void shouldContinueFromAnOfflineLinearModelWithItsIntercept() throws Exception {
        List<LabeledPoint> history = SparkGenerators.linearInput(3.0, new double[] {10, -5}, 2000, 1);
        LinearRegressionModel offline = new LeastSquares(LeastSquares.Options.defaults()).fit(history);
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(
                StreamingLinearRegressionWithSGD.Options.defaults().withFitIntercept(true)).setInitialModel(offline);
        List<List<LabeledPoint>> stream = List.of(SparkGenerators.linearInput(3.0, new double[] {10, -5}, 100, 2));
        TestDriver.run(stream, 1, lr::trainOn);
        assertEquals(1, lr.latestModel().version());
        assertEquals(3.0, lr.latestModel().intercept(), 0.05);
        assertArrayEquals(new double[] {10, -5}, lr.latestModel().weights(), 0.05);
    }

    @Test
    void shouldDropTheOfflineInterceptAfterABatchLikeSparkUnlessFitted() throws Exception {
        LinearRegressionModel offline = new LinearRegressionModel(new double[] {1.0}, 7.0);
        StreamingLinearRegressionWithSGD spark = new StreamingLinearRegressionWithSGD().setInitialModel(offline);
        TestDriver.run(List.of(List.of(LabeledPoint.of(8.0, 1.0), LabeledPoint.of(9.0, 2.0))), 1, spark::trainOn);
        assertEquals(0.0, spark.latestModel().intercept(), 0.0);
    }

    @Test
    void shouldStartLogisticStreamingFromNewton() throws Exception {
        Random r = new Random(3);
        List<LabeledPoint> history = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double x = r.nextGaussian();
            history.add(LabeledPoint.of(r.nextDouble() < LogisticRegressionModel.sigmoid(1.5 * x) ? 1 : 0, x));
        }
        LogisticRegressionModel offline = new LogisticRegressionNewton(LogisticRegressionNewton.Options.defaults()
                .withFitIntercept(false)).fit(history);
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD().setInitialModel(offline);
        TestDriver.run(List.of(SparkGenerators.logisticInput(0, 1.5, 100, 9)), 1, lr::trainOn);
        assertEquals(1.5, offline.weights()[0], 0.15);
        assertEquals(offline.weights()[0], lr.latestModel().weights()[0], 0.2);
    }

    @Test
    void shouldAdaptSlowlyWhenTrainingSizesAreTheWeights() throws Exception {
        Random r = new Random(4);
        List<Vector> history = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            history.add(Vectors.dense((i % 2 == 0 ? 0 : 10) + r.nextGaussian() * 0.1));
        }
        KMeansModel offline = new KMeansTrainer(KMeansTrainer.Options.defaults().withK(2)).fit(history);
        List<Vector> shifted = List.of(Vectors.dense(1.0), Vectors.dense(11.0));
        StreamingKMeans slow = new StreamingKMeans().setInitialModel(offline);
        StreamingKMeans fast = new StreamingKMeans().setInitialCenters(offline.centers(), new double[2]);
        TestDriver.run(List.of(shifted), 1, s -> {
            slow.trainOn(s);
            fast.trainOn(s);
        });
        int low = offline.predict(Vectors.dense(0.0));
        assertTrue(Math.abs(slow.latestModel().center(low)[0]) < 0.01);
        assertEquals(1.0, fast.latestModel().center(low)[0], 1e-12);
        assertEquals(501.0, slow.latestModel().clusterWeights()[low], 1e-9);
    }
}
