package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.optim.Updater;
import org.streamml.streaming.testkit.TestDriver;

/**
 * The Spark MLlib API of the three learners: each setter and constructor has the effect of the matching
 * {@code Options} (same options, same models on the same stream), defaults stay Spark's, and settings
 * are refused once the learner trains on a stream.
 */
class SparkApiTest {
    private static final StreamingLinearRegressionWithSGD.Options LINEAR =
            StreamingLinearRegressionWithSGD.Options.defaults();
    private static final StreamingLogisticRegressionWithSGD.Options LOGISTIC =
            StreamingLogisticRegressionWithSGD.Options.defaults();
    private static final StreamingKMeans.Options KMEANS = StreamingKMeans.Options.defaults();

    @Test
    void shouldKeepSparksDefaults() {
        StreamingLinearRegressionWithSGD.Options lin = new StreamingLinearRegressionWithSGD().options();
        assertEquals(LINEAR, lin);
        assertEquals(0.1, lin.stepSize());
        assertEquals(50, lin.numIterations());
        assertEquals(1.0, lin.miniBatchFraction());
        assertEquals(0.001, lin.convergenceTol());
        assertEquals(0.0, lin.regParam());
        assertEquals(Updater.SIMPLE, lin.regularization());
        assertFalse(lin.fitIntercept());

        StreamingLogisticRegressionWithSGD.Options log = new StreamingLogisticRegressionWithSGD().options();
        assertEquals(LOGISTIC, log);
        assertEquals(0.1, log.stepSize());
        assertEquals(50, log.numIterations());
        assertEquals(1.0, log.miniBatchFraction());
        assertEquals(0.0, log.regParam());
        assertEquals(Updater.SQUARED_L2, log.regularization());

        StreamingKMeans km = new StreamingKMeans();
        assertEquals(KMEANS, km.options());
        assertEquals(2, km.k());
        assertEquals(1.0, km.decayFactor());
        assertEquals("batches", km.timeUnit());
    }

    @Test
    void shouldMakeEachLinearRegressionSetterItsOptionsCopy() {
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD();
        assertSame(lr, lr.setStepSize(0.3));
        assertEquals(LINEAR.withStepSize(0.3), lr.options());
        assertSame(lr, lr.setNumIterations(7));
        assertEquals(LINEAR.withStepSize(0.3).withNumIterations(7), lr.options());
        assertSame(lr, lr.setMiniBatchFraction(0.5));
        assertEquals(LINEAR.withStepSize(0.3).withNumIterations(7).withMiniBatchFraction(0.5), lr.options());
        assertSame(lr, lr.setConvergenceTol(1e-5));
        assertEquals(LINEAR.withStepSize(0.3).withNumIterations(7).withMiniBatchFraction(0.5).withConvergenceTol(1e-5),
                lr.options());
        assertSame(lr, lr.setInitialWeights(Vectors.zeros(2)));

        assertEquals(LINEAR.withStepSize(0.2).withNumIterations(25).withMiniBatchFraction(0.8),
                new StreamingLinearRegressionWithSGD(0.2, 25, 0.8).options());
    }

    @Test
    void shouldMakeEachLogisticRegressionSetterItsOptionsCopy() {
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD();
        assertSame(lr, lr.setStepSize(0.5));
        assertEquals(LOGISTIC.withStepSize(0.5), lr.options());
        assertSame(lr, lr.setNumIterations(10));
        assertEquals(LOGISTIC.withStepSize(0.5).withNumIterations(10), lr.options());
        assertSame(lr, lr.setMiniBatchFraction(0.25));
        assertEquals(LOGISTIC.withStepSize(0.5).withNumIterations(10).withMiniBatchFraction(0.25), lr.options());
        assertSame(lr, lr.setRegParam(0.01));
        assertEquals(LOGISTIC.withStepSize(0.5).withNumIterations(10).withMiniBatchFraction(0.25).withRegParam(0.01),
                lr.options());
        assertSame(lr, lr.setConvergenceTol(0.0));
        assertEquals(LOGISTIC.withStepSize(0.5).withNumIterations(10).withMiniBatchFraction(0.25).withRegParam(0.01)
                .withConvergenceTol(0.0), lr.options());
        assertSame(lr, lr.setInitialWeights(Vectors.zeros(3)));

        // Spark's argument order: stepSize, numIterations, miniBatchFraction, regParam.
        assertEquals(LOGISTIC.withStepSize(0.5).withNumIterations(10).withMiniBatchFraction(0.9).withRegParam(0.1),
                new StreamingLogisticRegressionWithSGD(0.5, 10, 0.9, 0.1).options());
    }

    @Test
    void shouldMakeEachKMeansSetterItsOptionsCopy() {
        StreamingKMeans km = new StreamingKMeans();
        assertSame(km, km.setK(3));
        assertEquals(KMEANS.withK(3), km.options());
        assertSame(km, km.setDecayFactor(0.5));
        assertEquals(KMEANS.withK(3).withDecayFactor(0.5), km.options());
        assertSame(km, km.setHalfLife(5, "points"));
        assertEquals(KMEANS.withK(3).withHalfLife(5, DecayUnit.POINTS), km.options());
        assertEquals("points", km.timeUnit());
        assertEquals(Math.exp(Math.log(0.5) / 5), km.decayFactor());
        assertSame(km, km.setDecayFactor(1.0));
        assertEquals(KMEANS.withK(3).withDecayFactor(1.0).withDecayUnit(DecayUnit.POINTS), km.options(),
                "setDecayFactor keeps the time unit, as in Spark");
        assertSame(km, km.setHalfLife(2, "batches"));
        assertEquals(KMEANS.withK(3).withHalfLife(2, DecayUnit.BATCHES), km.options());

        assertEquals(new StreamingKMeans.Options(4, 0.7, DecayUnit.POINTS), new StreamingKMeans(4, 0.7, "points").options());
    }

    @Test
    void shouldSetTheSameInitialCentersAsTheOptionsApi() {
        KMeansModel spark = new StreamingKMeans().setK(3).setRandomCenters(2, 1.5, 42L).latestModel();
        KMeansModel options = new StreamingKMeans(KMEANS.withK(3)).setRandomCenters(2, 1.5, 42L).latestModel();
        assertArrayEquals(options.centers(), spark.centers());
        assertArrayEquals(options.clusterWeights(), spark.clusterWeights());

        KMeansModel unseeded = new StreamingKMeans().setK(4).setRandomCenters(3, 2.0).latestModel();
        assertEquals(4, unseeded.k());
        assertEquals(3, unseeded.center(0).length);
        assertArrayEquals(new double[] {2.0, 2.0, 2.0, 2.0}, unseeded.clusterWeights());

        Vector[] centers = {Vectors.dense(0.0, 1.0), Vectors.dense(2.0, 3.0)};
        KMeansModel given = new StreamingKMeans().setK(2).setInitialCenters(centers, new double[] {1.0, 2.0})
                .latestModel();
        assertArrayEquals(new double[][] {{0.0, 1.0}, {2.0, 3.0}}, given.centers());
    }

    @Test
    void shouldTrainLinearModelsLikeTheOptionsApi() throws Exception {
        List<List<LabeledPoint>> linear = new ArrayList<>();
        List<List<LabeledPoint>> logistic = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            linear.add(SparkGenerators.linearInput(0.0, new double[] {3.0, -2.0}, 60, 100 + i));
            logistic.add(SparkGenerators.logisticInput(0.0, 2.0, 60, 200 + i));
        }
        StreamingLinearRegressionWithSGD linSpark = new StreamingLinearRegressionWithSGD()
                .setStepSize(0.3).setNumIterations(15).setConvergenceTol(1e-6).setInitialWeights(Vectors.zeros(2));
        StreamingLinearRegressionWithSGD linOptions = new StreamingLinearRegressionWithSGD(
                LINEAR.withStepSize(0.3).withNumIterations(15).withConvergenceTol(1e-6))
                .setInitialWeights(Vectors.zeros(2));
        TestDriver.run(linear, 5, s -> {
            linSpark.trainOn(s);
            linOptions.trainOn(s);
        });
        LinearRegressionModel a = linSpark.latestModel();
        LinearRegressionModel b = linOptions.latestModel();
        assertArrayEquals(b.weights(), a.weights());
        assertEquals(5, a.version());
        assertTrue(Math.abs(a.weights()[0] - 3.0) < 0.5, "learned " + a.weights()[0]);

        StreamingLogisticRegressionWithSGD logSpark = new StreamingLogisticRegressionWithSGD(0.5, 10, 1.0, 0.01)
                .setInitialWeights(Vectors.zeros(1));
        StreamingLogisticRegressionWithSGD logOptions = new StreamingLogisticRegressionWithSGD(
                LOGISTIC.withStepSize(0.5).withNumIterations(10).withRegParam(0.01)).setInitialWeights(Vectors.zeros(1));
        TestDriver.run(logistic, 5, s -> {
            logSpark.trainOn(s);
            logOptions.trainOn(s);
        });
        LogisticRegressionModel c = logSpark.latestModel();
        assertArrayEquals(logOptions.latestModel().weights(), c.weights());
        assertEquals(5, c.version());
    }

    @Test
    void shouldTrainKMeansLikeTheOptionsApi() throws Exception {
        SparkGenerators.KMeansData data = SparkGenerators.kmeansInput(20, 6, 3, 2, 0.1, 7L, null);
        StreamingKMeans spark = new StreamingKMeans().setK(3).setHalfLife(3, "batches").setRandomCenters(2, 0.0, 5L);
        StreamingKMeans options = new StreamingKMeans(KMEANS.withK(3).withHalfLife(3, DecayUnit.BATCHES))
                .setRandomCenters(2, 0.0, 5L);
        TestDriver.run(data.batches(), 6, s -> {
            spark.trainOn(s);
            options.trainOn(s);
        });
        assertArrayEquals(options.latestModel().centers(), spark.latestModel().centers());
        assertArrayEquals(options.latestModel().clusterWeights(), spark.latestModel().clusterWeights());
        assertEquals(6, spark.latestModel().version());
    }

    @Test
    void shouldRefuseSettingsOnceTraining() throws Exception {
        StreamingLinearRegressionWithSGD lin = new StreamingLinearRegressionWithSGD().setInitialWeights(Vectors.zeros(1));
        StreamingLogisticRegressionWithSGD log = new StreamingLogisticRegressionWithSGD()
                .setInitialWeights(Vectors.zeros(1));
        StreamingKMeans km = new StreamingKMeans().setRandomCenters(1, 0.0, 1L);
        try (TestDriver driver = new TestDriver(1)) {
            assertFalse(lin.isTraining());
            lin.trainOn(driver.input(List.<List<LabeledPoint>>of()));
            log.trainOn(driver.input(List.<List<LabeledPoint>>of()));
            km.trainOn(driver.input(List.<List<Vector>>of()));
            assertTrue(lin.isTraining());
        }
        assertEquals("setStepSize was called after trainOn: a StreamingLinearRegressionWithSGD's settings are fixed"
                        + " once it trains on a stream; call setStepSize before trainOn, or build a new learner",
                assertThrows(IllegalStateException.class, () -> lin.setStepSize(0.5)).getMessage());
        assertThrows(IllegalStateException.class, () -> lin.setNumIterations(5));
        assertThrows(IllegalStateException.class, () -> lin.setMiniBatchFraction(0.5));
        assertThrows(IllegalStateException.class, () -> lin.setConvergenceTol(0.1));
        assertThrows(IllegalStateException.class, () -> lin.setStepSize(-1), "the state is checked before the value");
        assertEquals(LINEAR, lin.options());

        assertEquals("setRegParam was called after trainOn: a StreamingLogisticRegressionWithSGD's settings are fixed"
                        + " once it trains on a stream; call setRegParam before trainOn, or build a new learner",
                assertThrows(IllegalStateException.class, () -> log.setRegParam(0.5)).getMessage());
        assertThrows(IllegalStateException.class, () -> log.setStepSize(0.5));
        assertThrows(IllegalStateException.class, () -> log.setNumIterations(5));
        assertThrows(IllegalStateException.class, () -> log.setMiniBatchFraction(0.5));
        assertThrows(IllegalStateException.class, () -> log.setConvergenceTol(0.1));
        assertEquals(LOGISTIC, log.options());

        assertEquals("setHalfLife was called after trainOn: a StreamingKMeans's settings are fixed once it trains"
                        + " on a stream; call setHalfLife before trainOn, or build a new learner",
                assertThrows(IllegalStateException.class, () -> km.setHalfLife(2, "batches")).getMessage());
        assertThrows(IllegalStateException.class, () -> km.setK(2));
        assertThrows(IllegalStateException.class, () -> km.setDecayFactor(0.5));
        assertEquals(KMEANS, km.options());
    }

    @Test
    void shouldRejectInvalidSettingsAndKeepTheOldOnes() {
        StreamingLinearRegressionWithSGD lin = new StreamingLinearRegressionWithSGD();
        assertEquals("step size must be > 0: 0.0",
                assertThrows(IllegalArgumentException.class, () -> lin.setStepSize(0.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> lin.setMiniBatchFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> lin.setNumIterations(-1));
        assertThrows(IllegalArgumentException.class, () -> lin.setConvergenceTol(2.0));
        assertEquals(LINEAR, lin.options());
        StreamingLogisticRegressionWithSGD log = new StreamingLogisticRegressionWithSGD();
        assertThrows(IllegalArgumentException.class, () -> log.setRegParam(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new StreamingLogisticRegressionWithSGD(0.1, 10, 0.0, 0.0));
        assertEquals(LOGISTIC, log.options());

        StreamingKMeans km = new StreamingKMeans();
        assertEquals("Invalid time unit for decay: minutes (expected batches or points)",
                assertThrows(IllegalArgumentException.class, () -> km.setHalfLife(5, "minutes")).getMessage());
        assertEquals("half-life must be > 0: 0.0",
                assertThrows(IllegalArgumentException.class, () -> km.setHalfLife(0, "batches")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> km.setDecayFactor(-1));
        assertEquals("k must be >= 1: 0", assertThrows(IllegalArgumentException.class, () -> km.setK(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StreamingKMeans(2, 1.0, "seconds"));
        assertEquals(KMEANS, km.options());

        km.setRandomCenters(2, 0.0, 3L);
        assertSame(km, km.setK(2), "the same k is fine");
        assertEquals("setK(3) was called after 2 initial centers were set: call setK before setInitialCenters or"
                + " setRandomCenters", assertThrows(IllegalStateException.class, () -> km.setK(3)).getMessage());
    }
}
