package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.random.XORShiftRandom;
import org.streamml.streaming.Pair;
import org.streamml.streaming.testkit.TestDriver;

/** Ports of Spark's StreamingKMeansSuite, plus the closed-form invariants and the spec §8 k-means items. */
class StreamingKMeansTest {

    @Test
    void shouldTrackTheGrandMeanWithOneCenter() throws Exception {
        SparkGenerators.KMeansData data = SparkGenerators.kmeansInput(50, 10, 1, 5, 0.1, 42, null);
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(1).withDecayFactor(1.0))
                .setInitialCenters(new double[][] {new double[5]}, new double[] {0.0});
        TestDriver.run(data.batches(), 10, km::trainOn);

        double[] center = km.latestModel().center(0);
        double[] mean = new double[5];
        for (List<Vector> b : data.batches()) {
            for (Vector x : b) {
                for (int t = 0; t < 5; t++) {
                    mean[t] += x.get(t) / 500.0;
                }
            }
        }
        assertArrayEquals(data.centers()[0], center, 0.1);
        assertArrayEquals(mean, center, 1e-5);
        assertEquals(500.0, km.latestModel().clusterWeights()[0], 1e-9);
    }

    @Test
    void shouldFindTwoCentersWithAHalfLifeInBatches() throws Exception {
        SparkGenerators.KMeansData data = SparkGenerators.kmeansInput(5, 10, 2, 5, 0.1, 987654321L, null);
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(2)
                .withHalfLife(2, DecayUnit.BATCHES)).setInitialCenters(new double[][] {
                    {-0.1, 0.1, -0.2, -0.3, -0.1}, {0.1, -0.2, 0.0, 0.2, 0.1}}, new double[] {5.0, 5.0});
        TestDriver.run(data.batches(), 10, km::trainOn);
        for (double[] c : km.latestModel().centers()) {
            double best = Double.POSITIVE_INFINITY;
            int nearest = 0;
            for (int j = 0; j < 2; j++) {
                double d = Vectors.dense(c).squaredDistance(data.centers()[j]);
                if (d < best) {
                    best = d;
                    nearest = j;
                }
            }
            assertArrayEquals(data.centers()[nearest], c, 0.1);
        }
    }

    @Test
    void shouldSplitTheLargestClusterWhenOneDies() throws Exception {
        SparkGenerators.KMeansData data = SparkGenerators.kmeansInput(5, 10, 1, 1, 1.0, 42,
                new double[][] {{0.0}});
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(2)
                .withHalfLife(0.5, DecayUnit.POINTS)).setInitialCenters(new double[][] {{0.0}, {1000.0}},
                new double[] {1.0, 1.0});
        TestDriver.run(data.batches(), 10, km::trainOn);
        double c0 = km.latestModel().center(0)[0];
        double c1 = km.latestModel().center(1)[0];
        assertTrue(c0 * c1 < 0.0, c0 + " and " + c1);
        assertEquals(0.8, Math.abs(c0), 0.6);
        assertEquals(0.8, Math.abs(c1), 0.6);
    }

    @Test
    void shouldKeepTheDecayFactorItIsGiven() {
        assertEquals(1.0, StreamingKMeans.Options.defaults().decayFactor(), 0.0);
        assertEquals(2.0, StreamingKMeans.Options.defaults().withDecayFactor(2.0).decayFactor(), 0.0);
        assertEquals(Math.exp(Math.log(0.5) / 2), StreamingKMeans.Options.defaults()
                .withHalfLife(2, DecayUnit.BATCHES).decayFactor(), 0.0);
    }

    @Test
    void shouldDiscountEveryWeightThenMoveTouchedCenters() throws Exception {
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(2).withDecayFactor(0.5))
                .setInitialCenters(new double[][] {{0.0, 0.0}, {10.0, 10.0}}, new double[] {4.0, 8.0});
        List<Vector> batch = List.of(Vectors.dense(1.0, 2.0), Vectors.dense(3.0, 2.0));
        TestDriver.run(List.of(batch), 1, km::trainOn);
        KMeansModel m = km.latestModel();
        assertArrayEquals(new double[] {2.0 + 2, 4.0}, m.clusterWeights(), 1e-15);
        assertArrayEquals(new double[] {(2.0 * 0 + 4.0) / 4.0, (2.0 * 0 + 4.0) / 4.0}, m.center(0), 1e-15);
        assertArrayEquals(new double[] {10.0, 10.0}, m.center(1), 0.0);
        assertEquals(1, m.version());
    }

    @Test
    void shouldDecayOnEmptyBatchesInBatchesButNotInPoints() throws Exception {
        StreamingKMeans batches = new StreamingKMeans(StreamingKMeans.Options.defaults().withDecayFactor(0.5))
                .setInitialCenters(new double[][] {{0.0}, {1.0}}, new double[] {8.0, 4.0});
        StreamingKMeans points = new StreamingKMeans(StreamingKMeans.Options.defaults().withDecayFactor(0.5)
                .withDecayUnit(DecayUnit.POINTS)).setInitialCenters(new double[][] {{0.0}, {1.0}},
                new double[] {8.0, 4.0});
        TestDriver.run(List.<List<Vector>>of(), 3, s -> {
            batches.trainOn(s);
            points.trainOn(s);
        });
        assertArrayEquals(new double[] {1.0, 0.5}, batches.latestModel().clusterWeights(), 0.0);
        assertArrayEquals(new double[] {8.0, 4.0}, points.latestModel().clusterWeights(), 0.0);
        assertEquals(3, batches.latestModel().version());
    }

    @Test
    void shouldRaiseThePointDecayToTheBatchTotalForEveryCluster() throws Exception {
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withDecayFactor(0.9)
                .withDecayUnit(DecayUnit.POINTS)).setInitialCenters(new double[][] {{0.0}, {100.0}},
                new double[] {10.0, 10.0});
        List<Vector> batch = List.of(Vectors.dense(1.0), Vectors.dense(-1.0), Vectors.dense(2.0));
        TestDriver.run(List.of(batch), 1, km::trainOn);
        double d = Math.pow(0.9, 3.0);
        assertArrayEquals(new double[] {d * 10 + 3, d * 10}, km.latestModel().clusterWeights(), 1e-12);
    }

    @Test
    void shouldSplitWithSparksPerturbation() {
        double[][] centers = {{2.0, -0.5}, {7.0, 3e5}, {1.0, 1.0}};
        double[] weights = {5.0, 1e-9, 5.0};
        assertTrue(KMeansUpdate.splitDyingCluster(centers, weights));
        assertArrayEquals(new double[] {2.5000000005, 2.5000000005, 5.0}, new double[] {weights[0], weights[1], weights[2]},
                1e-12);
        assertArrayEquals(new double[] {2.0 + 2e-14, -0.5 + 1e-14}, centers[0], 0.0);
        assertArrayEquals(new double[] {2.0 - 2e-14, -0.5 - 1e-14}, centers[1], 0.0);
        assertArrayEquals(new double[] {1.0, 1.0}, centers[2], 0.0);

        double[] zeros = {0.0, 0.0};
        assertFalse(KMeansUpdate.splitDyingCluster(new double[][] {{1}, {2}}, zeros));
    }

    @Test
    void shouldSplitIntoAnEmptyClusterEveryBatchWithDecayZero() throws Exception {
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withDecayFactor(0.0))
                .setInitialCenters(new double[][] {{0.0}, {50.0}}, new double[] {1.0, 1.0});
        TestDriver.run(List.of(List.<Vector>of(Vectors.dense(1.0), Vectors.dense(3.0))), 1, km::trainOn);
        KMeansModel m = km.latestModel();
        assertArrayEquals(new double[] {1.0, 1.0}, m.clusterWeights(), 0.0);
        assertEquals(2.0 + 2e-14, m.center(0)[0], 0.0);
        assertEquals(2.0 - 2e-14, m.center(1)[0], 0.0);
    }

    @Test
    void shouldNotChangeTheCallersArrays() throws Exception {
        double[][] centers = {{0.0}, {10.0}};
        double[] weights = {0.0, 0.0};
        StreamingKMeans km = new StreamingKMeans().setInitialCenters(centers, weights);
        TestDriver.run(List.of(List.<Vector>of(Vectors.dense(1.0), Vectors.dense(9.0))), 1, km::trainOn);
        assertArrayEquals(new double[] {0.0}, centers[0], 0.0);
        assertArrayEquals(new double[] {0.0, 0.0}, weights, 0.0);
        assertArrayEquals(new double[] {1.0}, km.latestModel().center(0), 0.0);
    }

    @Test
    void shouldDrawRandomCentersFromXorShiftGaussians() {
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3))
                .setRandomCenters(2, 4.0, 123L);
        XORShiftRandom r = new XORShiftRandom(123L);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(new double[] {r.nextGaussian(), r.nextGaussian()}, km.latestModel().center(j), 0.0);
        }
        assertArrayEquals(new double[] {4.0, 4.0, 4.0}, km.latestModel().clusterWeights(), 0.0);
    }

    @Test
    void shouldValidateInitialCentersWithSparksMessages() {
        StreamingKMeans km = new StreamingKMeans();
        assertEquals("Number of initial centers must be equal to number of weights: 2 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> km.setInitialCenters(new double[][] {{0}, {1}}, new double[] {1})).getMessage());
        assertEquals("Number of initial centers must be 2 but got 1", assertThrows(IllegalArgumentException.class,
                () -> km.setInitialCenters(new double[][] {{0}}, new double[] {1})).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> km.setInitialCenters(new double[][] {{0}, {1}}, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> DecayUnit.parse("seconds"));
        assertThrows(IllegalArgumentException.class, () -> StreamingKMeans.Options.defaults().withK(0));
        assertEquals("Initial cluster centers must be set before starting predictions",
                assertThrows(IllegalStateException.class, km::latestModel).getMessage());
    }

    @Test
    void shouldPredictWithTheCurrentCentersAndTheirVersion() throws Exception {
        StreamingKMeans km = new StreamingKMeans().setInitialModel(
                new KMeansModel(new double[][] {{0.0}, {10.0}}, new double[] {0.0, 0.0}, 7, 0));
        List<List<Pair<Integer, ClusterPrediction>>> out = new ArrayList<>();
        List<Vector> batch = List.of(Vectors.dense(4.0), Vectors.dense(6.0), Vectors.dense(-20.0));
        TestDriver.run(List.of(batch), 1, s -> {
            km.trainOn(s);
            TestDriver.collect(km.predictOnValues(s.mapToPair(x -> Pair.of((int) x.get(0), x))), out);
        });
        assertEquals(8, km.latestModel().version());
        List<Pair<Integer, ClusterPrediction>> b = out.get(0);
        assertEquals(new ClusterPrediction(1, 8), b.get(0).value());
        assertEquals(new ClusterPrediction(1, 8), b.get(1).value());
        assertEquals(new ClusterPrediction(0, 8), b.get(2).value());
    }

    @Test
    void shouldFindTheSameNearestCenterAsTheFullSearchIncludingTies() {
        java.util.Random r = new java.util.Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + r.nextInt(6);
            int d = 1 + r.nextInt(5);
            double[][] centers = new double[k][d];
            for (double[] c : centers) {
                for (int t = 0; t < d; t++) {
                    c[t] = r.nextInt(3);
                }
            }
            double[] x = new double[d];
            for (int t = 0; t < d; t++) {
                x[t] = r.nextInt(3) + (r.nextBoolean() ? 0.5 : 0.0);
            }
            double[] flat = new double[k * d];
            for (int j = 0; j < k; j++) {
                System.arraycopy(centers[j], 0, flat, j * d, d);
            }
            KMeansModel brute = new KMeansModel(centers, new double[k]);
            assertEquals(brute.predict(x), KMeansUpdate.nearestDense(x, flat, k, d), "trial " + trial);
        }
    }
}
