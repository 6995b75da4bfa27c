package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingException;
import org.streamml.streaming.testkit.TestDriver;

/** Ports of Spark's StreamingLogisticRegressionSuite, plus label validation, thresholds and exact numbers. */
class StreamingLogisticRegressionWithSGDTest {
    private static final StreamingLogisticRegressionWithSGD.Options SUITE =
            StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25);

    private static List<List<LabeledPoint>> batches(double scale, int numBatches) {
        List<List<LabeledPoint>> out = new ArrayList<>();
        for (int i = 0; i < numBatches; i++) {
            out.add(SparkGenerators.logisticInput(0.0, scale, 100, 42L * (i + 1)));
        }
        return out;
    }

    @Test
    void shouldLearnTheTrueWeight() throws Exception {
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(0.0));
        TestDriver.run(batches(1.5, 20), 20, lr::trainOn);
        double w = lr.latestModel().weights()[0];
        assertTrue(Math.abs(w - 1.5) < 0.1 * Math.min(Math.abs(w), 1.5), "weight " + w);
    }

    @Test
    void shouldConvergeWithoutGrowingError() throws Exception {
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(0.0));
        List<Double> errors = new ArrayList<>();
        TestDriver.run(batches(1.5, 20), 20, s -> {
            lr.trainOn(s);
            s.foreachBatch((b, t) -> errors.add(Math.abs(lr.latestModel().weights()[0] - 1.5)));
        });
        int shrinking = 0;
        for (int i = 1; i < errors.size(); i++) {
            assertTrue(errors.get(i) - errors.get(i - 1) <= 0.1, "error grew at batch " + i);
            shrinking += errors.get(i) < errors.get(i - 1) ? 1 : 0;
        }
        assertTrue(shrinking >= 2);
    }

    @Test
    void shouldPredictWellFromTheTrueModel() throws Exception {
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(1.5));
        List<List<Pair<Double, Prediction>>> out = new ArrayList<>();
        TestDriver.run(batches(1.5, 10), 10, s -> TestDriver.collect(
                lr.predictOnValues(StreamingLinearRegressionWithSGDTest.pairs(s)), out));
        assertEquals(10, out.size());
        for (List<Pair<Double, Prediction>> batch : out) {
            assertTrue(StreamingLinearRegressionWithSGDTest.meanAbsoluteError(batch) <= 0.4);
        }
    }

    @Test
    void shouldPredictAfterTrainingWhenTrainingIsRegisteredFirst() throws Exception {
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(
                SUITE.withStepSize(0.01).withNumIterations(10)).setInitialWeights(Vectors.dense(-0.1));
        List<List<Pair<Double, Prediction>>> out = new ArrayList<>();
        TestDriver.run(batches(5.0, 10), 10, s -> {
            lr.trainOn(s);
            TestDriver.collect(lr.predictOnValues(StreamingLinearRegressionWithSGDTest.pairs(s)), out);
        });
        assertTrue(StreamingLinearRegressionWithSGDTest.meanAbsoluteError(out.get(0)) > 0.8);
        assertTrue(StreamingLinearRegressionWithSGDTest.meanAbsoluteError(out.get(9)) < 0.2);
    }

    @Test
    void shouldSkipEmptyBatches() throws Exception {
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(
                SUITE.withStepSize(0.01).withNumIterations(10)).setInitialWeights(Vectors.dense(-0.1));
        List<List<Pair<Double, Prediction>>> out = new ArrayList<>();
        TestDriver.run(List.<List<LabeledPoint>>of(), 10, s -> {
            lr.trainOn(s);
            TestDriver.collect(lr.predictOnValues(StreamingLinearRegressionWithSGDTest.pairs(s)), out);
        });
        assertEquals(10, out.size());
        assertEquals(0, lr.latestModel().version());
    }

    @Test
    void shouldMatchTheReferenceGradientDescentWithL2NumberByNumber() throws Exception {
        List<List<LabeledPoint>> data = batches(2.0, 4);
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(SUITE.withRegParam(0.05))
                .setInitialWeights(Vectors.zeros(1));
        List<double[]> got = new ArrayList<>();
        TestDriver.run(data, 4, s -> {
            lr.trainOn(s);
            s.foreachBatch((b, t) -> got.add(lr.latestModel().weights()));
        });
        double[] w = new double[1];
        for (int i = 0; i < 4; i++) {
            w = ReferenceGradientDescent.run(data.get(i), w, 0.2, 25, 0.05, 0.001, true);
            assertArrayEquals(w, got.get(i), 1e-12, "batch " + (i + 1));
        }
    }

    @Test
    void shouldFailABatchWithLabelsOtherThanZeroOrOne() {
        List<LabeledPoint> bad = new ArrayList<>(batches(1.0, 1).get(0));
        bad.set(3, LabeledPoint.of(2.0, 0.5));
        bad.set(70, LabeledPoint.of(-1.0, 0.5));
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.zeros(1));
        StreamingException e = assertThrows(StreamingException.class,
                () -> TestDriver.run(List.of(bad), 1, lr::trainOn));
        String text = e.getMessage() + " / " + e.getCause();
        assertTrue(text.contains("Input validation failed") && text.contains("Found 2 invalid labels"), text);
        assertEquals(0, lr.latestModel().version());
    }

    @Test
    void shouldResetTheThresholdOnEveryTrainedModelLikeSpark() throws Exception {
        LogisticRegressionModel start = new LogisticRegressionModel(new double[] {0.0}, 0.0).clearThreshold();
        StreamingLogisticRegressionWithSGD spark = new StreamingLogisticRegressionWithSGD(SUITE).setInitialModel(start);
        StreamingLogisticRegressionWithSGD keeping = new StreamingLogisticRegressionWithSGD(
                SUITE.withKeepThreshold(true)).setInitialModel(start);
        TestDriver.run(batches(1.0, 1), 1, s -> {
            spark.trainOn(s);
            keeping.trainOn(s);
        });
        assertEquals(OptionalDouble.of(0.5), spark.latestModel().threshold());
        assertEquals(OptionalDouble.empty(), keeping.latestModel().threshold());
    }

    @Test
    void shouldPredictClassZeroAtProbabilityExactlyOneHalf() {
        LogisticRegressionModel m = new LogisticRegressionModel(new double[] {1.0}, 0.0);
        assertEquals(0.0, m.predict(Vectors.dense(0.0)), 0.0);
        assertEquals(1.0, m.predict(Vectors.dense(1e-9)), 0.0);
    }
}
