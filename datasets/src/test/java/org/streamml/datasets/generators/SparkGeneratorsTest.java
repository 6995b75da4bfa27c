package org.streamml.datasets.generators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.random.XORShiftRandom;

class SparkGeneratorsTest {

    @Test
    void shouldReproduceSparkLogisticDrawOrderFeaturesFirstThenLabels() {
        int n = 200;
        long seed = 42 * 3;
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        List<LabeledPoint> points = new LogisticGenerator(LogisticGenerator.Options.defaults().withOffset(0.3), seed, n)
                .take(n);
        for (int i = 0; i < n; i++) {
            double p = 1.0 / (1.0 + Math.exp(-(0.3 + 1.5 * x[i])));
            double y = rnd.nextDouble() < p ? 1.0 : 0.0;
            assertEquals(x[i], points.get(i).features().get(0));
            assertEquals(y, points.get(i).label(), "label " + i);
        }
    }

    @Test
    void shouldDrawLinearFeaturesUniformOnMinusOneToOneThenNoise() {
        long seed = 42 * 2;
        Random rnd = new Random(seed);
        for (LabeledPoint p : new LinearGenerator(LinearGenerator.Options.defaults(), seed, 50)) {
            double x1 = (rnd.nextDouble() - 0.5) * 2;
            double x2 = (rnd.nextDouble() - 0.5) * 2;
            assertArrayEquals(new double[] {x1, x2}, p.features().toArray());
            assertEquals(10 * x1 + 10 * x2 + 0.1 * rnd.nextGaussian(), p.label());
        }
    }

    @Test
    void shouldDrawKMeansCentersThenPointsFromOneXorShiftSequenceRestartingClustersPerBatch() {
        XORShiftRandom rnd = new XORShiftRandom(987654321L);
        double[][] centers = new double[2][5];
        for (double[] c : centers) {
            for (int j = 0; j < 5; j++) {
                c[j] = rnd.nextGaussian();
            }
        }
        MixtureGenerator g = new MixtureGenerator(MixtureGenerator.Options.defaults().withBatchPoints(5), 987654321L,
                50);
        assertArrayEquals(centers, g.centers());
        int i = 0;
        for (LabeledPoint p : g) {
            int cluster = (i % 5) % 2;
            assertEquals(cluster, (int) p.label());
            for (int j = 0; j < 5; j++) {
                assertEquals(centers[cluster][j] + rnd.nextGaussian() * 0.1, p.features().get(j));
            }
            i++;
        }
    }

    @Test
    void shouldRefuseUnboundedSparkLogistic() {
        assertThrows(IllegalArgumentException.class, () -> new LogisticGenerator(
                LogisticGenerator.Options.defaults(), 1, SeededGenerator.UNBOUNDED));
    }
}
