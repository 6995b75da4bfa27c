package org.streamml.ml.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;

class OfflineTrainersTest {
    private static final double[] TRUE_W = {2.0, -3.0, 0.5};

    static List<LabeledPoint> linearData(int n, double intercept, double noise, long seed) {
        Random r = new Random(seed);
        List<LabeledPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double y = TRUE_W[0] * x[0] + TRUE_W[1] * x[1] + TRUE_W[2] * x[2] + intercept + noise * r.nextGaussian();
            out.add(new LabeledPoint(y, Vectors.dense(x)));
        }
        return out;
    }

    static List<LabeledPoint> logisticData(int n, double intercept, long seed) {
        Random r = new Random(seed);
        List<LabeledPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double z = TRUE_W[0] * x[0] + TRUE_W[1] * x[1] + TRUE_W[2] * x[2] + intercept;
            out.add(new LabeledPoint(r.nextDouble() < LogisticRegressionModel.sigmoid(z) ? 1.0 : 0.0,
                    Vectors.dense(x)));
        }
        return out;
    }

    @Test
    void shouldRecoverLinearWeightsAndIntercept() {
        LinearRegressionModel m = new LeastSquares(LeastSquares.Options.defaults()).fit(linearData(5000, 4.0, 0.1, 1));
        assertArrayEquals(TRUE_W, m.weights(), 0.01);
        assertEquals(4.0, m.intercept(), 0.01);
    }

    @Test
    void shouldSolveExactDataExactlyAndShrinkWithRidge() {
        List<LabeledPoint> exact = linearData(50, 1.0, 0.0, 2);
        LinearRegressionModel m = new LeastSquares(LeastSquares.Options.defaults()).fit(exact);
        assertArrayEquals(TRUE_W, m.weights(), 1e-10);
        LinearRegressionModel ridge = new LeastSquares(LeastSquares.Options.defaults().withL2(1000)).fit(exact);
        assertTrue(Math.abs(ridge.weights()[0]) < 1.0);
        LinearRegressionModel noIntercept = new LeastSquares(LeastSquares.Options.defaults().withFitIntercept(false))
                .fit(linearData(2000, 0.0, 0.1, 3));
        assertEquals(0.0, noIntercept.intercept(), 0.0);
        assertArrayEquals(TRUE_W, noIntercept.weights(), 0.02);
    }

    @Test
    void shouldRecoverLogisticWeightsByNewton() {
        LogisticRegressionModel m = new LogisticRegressionNewton(LogisticRegressionNewton.Options.defaults())
                .fit(logisticData(20_000, -1.0, 4));
        assertArrayEquals(TRUE_W, m.weights(), 0.15);
        assertEquals(-1.0, m.intercept(), 0.1);
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegressionNewton(
                LogisticRegressionNewton.Options.defaults()).fit(List.of(LabeledPoint.of(2.0, 1.0))));
    }

    @Test
    void shouldRecoverWellSeparatedClustersWithBothSeedings() {
        double[][] truth = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
        Random r = new Random(5);
        List<Vector> points = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double[] c = truth[i % 4];
            points.add(Vectors.dense(c[0] + r.nextGaussian() * 0.5, c[1] + r.nextGaussian() * 0.5));
        }
        for (KMeansTrainer.Initialization init : KMeansTrainer.Initialization.values()) {
            KMeansModel m = new KMeansTrainer(KMeansTrainer.Options.defaults().withK(4).withInitialization(init))
                    .fit(points);
            assertEquals(4, m.k());
            for (double[] t : truth) {
                double[] found = m.center(m.predict(t));
                assertArrayEquals(t, found, 0.1, init + " near " + Arrays.toString(t));
            }
            assertEquals(2000.0, Arrays.stream(m.clusterWeights()).sum(), 0.0);
            assertArrayEquals(new double[] {500, 500, 500, 500}, m.clusterWeights(), 0.0);
        }
    }

    @Test
    void shouldReturnFewerCentersThanKForFewDistinctPoints() {
        List<Vector> points = List.of(Vectors.dense(1.0), Vectors.dense(1.0), Vectors.dense(2.0));
        KMeansModel m = new KMeansTrainer(KMeansTrainer.Options.defaults().withK(5)).fit(points);
        assertEquals(2, m.k());
    }
}
