package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.optim.Updater;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.StreamingException;
import org.streamml.streaming.testkit.TestDriver;

/** Ports of Spark's StreamingLinearRegressionSuite, plus the exact-number and beyond-Spark checks. */
class StreamingLinearRegressionWithSGDTest {
    private static final StreamingLinearRegressionWithSGD.Options SUITE =
            StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25);

    private static List<List<LabeledPoint>> batches(double[] w, int numBatches) {
        List<List<LabeledPoint>> out = new ArrayList<>();
        for (int i = 0; i < numBatches; i++) {
            out.add(SparkGenerators.linearInput(0.0, w, 100, 42L * (i + 1)));
        }
        return out;
    }

    @Test
    void shouldLearnTheTrueWeights() throws Exception {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE.withConvergenceTol(1e-4))
                .setInitialWeights(Vectors.dense(0.0, 0.0));
        TestDriver.run(batches(new double[] {10, 10}, 10), 10, lr::trainOn);

        LinearRegressionModel m = lr.latestModel();
        assertEquals(0.0, m.intercept(), 0.1);
        assertEquals(10.0, m.weights()[0], 0.1);
        assertEquals(10.0, m.weights()[1], 0.1);
        List<LabeledPoint> fresh = SparkGenerators.linearInput(0.0, new double[] {10, 10}, 100, 17);
        long far = fresh.stream().filter(p -> Math.abs(m.predict(p.features()) - p.label()) > 0.5).count();
        assertTrue(far < fresh.size() / 5, "points more than 0.5 off: " + far);
        assertEquals(10, m.version());
    }

    @Test
    void shouldConvergeWithoutGrowingError() throws Exception {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(0.0));
        List<Double> errors = new ArrayList<>();
        TestDriver.run(batches(new double[] {10}, 10), 10, s -> {
            lr.trainOn(s);
            s.foreachBatch((b, t) -> errors.add(Math.abs(lr.latestModel().weights()[0] - 10.0)));
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
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(10.0, 10.0));
        List<List<Pair<Double, Prediction>>> out = new ArrayList<>();
        TestDriver.run(batches(new double[] {10, 10}, 10), 10, s -> TestDriver.collect(lr.predictOnValues(pairs(s)), out));
        assertEquals(10, out.size());
        for (List<Pair<Double, Prediction>> batch : out) {
            assertTrue(meanAbsoluteError(batch) <= 0.1);
        }
    }

    @Test
    void shouldImprovePredictionsWhileTraining() throws Exception {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(0.0, 0.0));
        List<List<Pair<Double, Prediction>>> out = new ArrayList<>();
        TestDriver.run(batches(new double[] {10, 10}, 10), 10, s -> {
            lr.trainOn(s);
            TestDriver.collect(lr.predictOnValues(pairs(s)), out);
        });
        assertTrue(meanAbsoluteError(out.get(0)) - meanAbsoluteError(out.get(9)) > 2);
    }

    @Test
    void shouldSkipEmptyBatches() throws Exception {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.dense(1.0, 2.0));
        List<List<Pair<Double, Prediction>>> out = new ArrayList<>();
        TestDriver.run(List.<List<LabeledPoint>>of(), 10, s -> {
            lr.trainOn(s);
            TestDriver.collect(lr.predictOnValues(pairs(s)), out);
        });
        assertEquals(10, out.size());
        assertArrayEquals(new double[] {1.0, 2.0}, lr.latestModel().weights());
        assertEquals(0, lr.latestModel().version());
    }

    @Test
    void shouldMatchTheReferenceGradientDescentNumberByNumber() throws Exception {
        List<List<LabeledPoint>> data = batches(new double[] {3, -2, 0.5}, 5);
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.zeros(3));
        List<double[]> got = new ArrayList<>();
        TestDriver.run(data, 5, s -> {
            lr.trainOn(s);
            s.foreachBatch((b, t) -> got.add(lr.latestModel().weights()));
        });
        double[] w = new double[3];
        for (int i = 0; i < 5; i++) {
            w = ReferenceGradientDescent.run(data.get(i), w, 0.2, 25, 0.0, 0.001, false);
            assertArrayEquals(w, got.get(i), 1e-12, "batch " + (i + 1));
        }
    }

    @Test
    void shouldIgnoreRegParamWithSparksSimpleUpdater() throws Exception {
        double[] plain = trainOnce(SUITE);
        double[] withReg = trainOnce(SUITE.withRegParam(10.0));
        assertArrayEquals(plain, withReg, 0.0);
        double[] l2 = trainOnce(SUITE.withRegParam(10.0).withRegularization(Updater.SQUARED_L2));
        assertTrue(Math.abs(l2[0]) < Math.abs(plain[0]) / 2, "L2 should shrink the weights");
    }

    @Test
    void shouldFitAnInterceptOnlyWhenAsked() throws Exception {
        List<List<LabeledPoint>> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add(SparkGenerators.linearInput(5.0, new double[] {2.0}, 100, 42L * (i + 1)));
        }
        StreamingLinearRegressionWithSGD spark = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.zeros(1));
        StreamingLinearRegressionWithSGD fitted = new StreamingLinearRegressionWithSGD(SUITE.withFitIntercept(true))
                .setInitialWeights(Vectors.zeros(1));
        TestDriver.run(data, 20, s -> {
            spark.trainOn(s);
            fitted.trainOn(s);
        });
        assertEquals(0.0, spark.latestModel().intercept(), 0.0);
        assertEquals(5.0, fitted.latestModel().intercept(), 0.1);
        assertEquals(2.0, fitted.latestModel().weights()[0], 0.1);
    }

    @Test
    void shouldBlendWithThePastModelUnderForgetting() throws Exception {
        List<List<LabeledPoint>> data = batches(new double[] {10}, 2);
        StreamingLinearRegressionWithSGD plain = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.zeros(1));
        StreamingLinearRegressionWithSGD forgetting = new StreamingLinearRegressionWithSGD(
                SUITE.withForgettingFactor(1.0)).setInitialWeights(Vectors.zeros(1));
        TestDriver.run(data, 1, s -> {
            plain.trainOn(s);
            forgetting.trainOn(s);
        });
        double w1 = plain.latestModel().weights()[0];
        assertEquals(w1, forgetting.latestModel().weights()[0], 0.0, "the first batch has no past to blend");
        double w2 = ReferenceGradientDescent.run(data.get(1), new double[] {w1}, 0.2, 25, 0, 0.001, false)[0];
        StreamingLinearRegressionWithSGD again = new StreamingLinearRegressionWithSGD(SUITE.withForgettingFactor(1.0))
                .setInitialWeights(Vectors.zeros(1));
        TestDriver.run(data, 2, again::trainOn);
        assertEquals((100 * w1 + 100 * w2) / 200, again.latestModel().weights()[0], 1e-12);
    }

    @Test
    void shouldRequireAModelUnlessAutomaticWeightsAreOn() throws Exception {
        StreamingLinearRegressionWithSGD spark = new StreamingLinearRegressionWithSGD();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestDriver.run(batches(new double[] {1}, 1), 1, spark::trainOn));
        assertEquals("Model must be initialized before starting training.", e.getMessage());
        assertThrows(IllegalStateException.class, spark::latestModel);

        StreamingLinearRegressionWithSGD auto = new StreamingLinearRegressionWithSGD(
                SUITE.withAutoInitialWeights(true));
        TestDriver.run(batches(new double[] {10, 10}, 3), 3, auto::trainOn);
        assertEquals(2, auto.latestModel().numFeatures());
        assertEquals(3, auto.latestModel().version());
    }

    @Test
    void shouldSampleReproduciblyWithAMiniBatchFraction() throws Exception {
        double[] a = trainOnce(SUITE.withMiniBatchFraction(0.5));
        double[] b = trainOnce(SUITE.withMiniBatchFraction(0.5));
        double[] other = trainOnce(SUITE.withMiniBatchFraction(0.5).withSamplingSeed(7));
        double[] full = trainOnce(SUITE);
        assertArrayEquals(a, b, 0.0);
        assertNotEquals(a[0], other[0]);
        assertNotEquals(a[0], full[0]);
        assertEquals(full[0], a[0], 1.0);
    }

    @Test
    void shouldFailABatchOfAnotherDimensionWithAClearMessage() {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD().setInitialWeights(Vectors.zeros(3));
        StreamingException e = assertThrows(StreamingException.class,
                () -> TestDriver.run(batches(new double[] {1, 2}, 1), 1, lr::trainOn));
        assertTrue(String.valueOf(e.getMessage()).contains("has 2 features, the model has 3")
                || String.valueOf(e.getCause().getMessage()).contains("has 2 features, the model has 3"),
                e.toString());
    }

    @Test
    void shouldPredictBeforeOrAfterTrainingByRegistrationOrder() throws Exception {
        List<List<LabeledPoint>> data = batches(new double[] {10}, 1);
        StreamingLinearRegressionWithSGD first = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.zeros(1));
        StreamingLinearRegressionWithSGD second = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialWeights(Vectors.zeros(1));
        List<List<Pair<Double, Prediction>>> before = new ArrayList<>();
        List<List<Pair<Double, Prediction>>> after = new ArrayList<>();
        TestDriver.run(data, 1, s -> {
            TestDriver.collect(first.predictOnValues(pairs(s)), before);
            first.trainOn(s);
            second.trainOn(s);
            TestDriver.collect(second.predictOnValues(pairs(s)), after);
        });
        assertEquals(0L, before.get(0).get(0).value().modelVersion());
        assertEquals(0.0, before.get(0).get(0).value().value(), 0.0);
        assertEquals(1L, after.get(0).get(0).value().modelVersion());
        Vector x = data.get(0).get(0).features();
        assertEquals(second.latestModel().predict(x), after.get(0).get(0).value().value(), 0.0);
    }

    @Test
    void shouldContinueTheVersionOfALoadedModel() throws Exception {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(SUITE)
                .setInitialModel(new LinearRegressionModel(new double[] {1, 1}, 0.0, 41, 5000));
        TestDriver.run(batches(new double[] {10, 10}, 1), 1, lr::trainOn);
        assertEquals(42, lr.latestModel().version());
        assertEquals(1000, lr.latestModel().lastBatchTimeMillis());
    }

    @Test
    void shouldRejectInvalidOptions() {
        var d = StreamingLinearRegressionWithSGD.Options.defaults();
        assertEquals("step size must be > 0: 0.0",
                assertThrows(IllegalArgumentException.class, () -> d.withStepSize(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withNumIterations(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMiniBatchFraction(0));
        assertThrows(IllegalArgumentException.class, () -> d.withConvergenceTol(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.withRegParam(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withForgettingFactor(-0.5));
        assertEquals(0.5, d.withHalfLife(1).forgettingFactor(), 1e-15);
    }

    private static double[] trainOnce(StreamingLinearRegressionWithSGD.Options options) throws Exception {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(options)
                .setInitialWeights(Vectors.zeros(1));
        TestDriver.run(batches(new double[] {10}, 1), 1, lr::trainOn);
        return lr.latestModel().weights();
    }

    static PairDStream<Double, Vector> pairs(org.streamml.streaming.DStream<LabeledPoint> s) {
        return s.mapToPair(p -> Pair.of(p.label(), p.features()));
    }

    static double meanAbsoluteError(List<Pair<Double, Prediction>> batch) {
        double sum = 0;
        for (Pair<Double, Prediction> p : batch) {
            sum += Math.abs(p.key() - p.value().value());
        }
        return sum / batch.size();
    }
}
