package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BuildingBlocksTest {
    @Test
    void rollingQuantilesShouldMatchSortingTheLastValues() {
        Random rnd = new Random(1);
        RollingQuantiles q = new RollingQuantiles(37);
        double[] all = new double[500];
        for (int i = 0; i < all.length; i++) {
            all[i] = rnd.nextInt(10) < 3 ? rnd.nextInt(5) : rnd.nextGaussian();
            q.add(all[i]);
            double[] last = Arrays.copyOfRange(all, Math.max(0, i - 36), i + 1);
            Arrays.sort(last);
            assertEquals(last.length, q.size());
            assertEquals(last[0], q.quantile(0));
            assertEquals(last[last.length - 1], q.quantile(1));
            double pos = 0.75 * (last.length - 1);
            int lo = (int) pos;
            double expected = last[lo] + (pos - lo) * (last[Math.min(lo + 1, last.length - 1)] - last[lo]);
            assertEquals(expected, q.quantile(0.75), 1e-12);
            double probe = rnd.nextGaussian();
            assertEquals(Arrays.stream(last).filter(x -> x >= probe).count(), q.countAtLeast(probe));
            if (last.length >= 2) {
                assertEquals((last[last.length - 1] + last[last.length - 2]) / 2, q.meanOfLargest(2), 1e-12);
            }
        }
    }

    @Test
    void shapeMemoryShouldFindTheNearestNonOverlappingShape() {
        Random rnd = new Random(2);
        int width = 4;
        int segment = 2;
        int capacity = 50;
        ShapeMemory m = new ShapeMemory(width, segment, capacity);
        double[] x = new double[400];
        double[][] shapes = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            x[t] = rnd.nextGaussian();
            double got = m.novelty(x[t]);
            int span = width * segment;
            if (t < span - 1) {
                assertTrue(Double.isNaN(got));
                continue;
            }
            shapes[t] = new double[width];
            for (int k = 0; k < width; k++) {
                int from = t - span + 1 + k * segment;
                shapes[t][k] = (x[from] + x[from + 1]) / 2;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int s = Math.max(span - 1, t - capacity); s <= t - span - 1; s++) {
                double d = 0;
                for (int k = 0; k < width; k++) {
                    d += (shapes[s][k] - shapes[t][k]) * (shapes[s][k] - shapes[t][k]);
                }
                best = Math.min(best, d);
            }
            if (Double.isInfinite(best)) {
                assertTrue(Double.isNaN(got), "t=" + t);
            } else {
                assertEquals(Math.sqrt(best), got, 1e-12, "t=" + t);
            }
        }
    }

    @Test
    void tailCalibratorShouldGiveRoughlyUniformTailsOnItsOwnDistribution() {
        Random rnd = new Random(3);
        TailCalibrator c = new TailCalibrator(1000, 0.02, 100);
        int below1 = 0;
        int below10 = 0;
        int n = 0;
        for (int i = 0; i < 20_000; i++) {
            double lt = c.logTail(Math.abs(rnd.nextGaussian()));
            if (i >= 1000) {
                n++;
                below1 += Math.exp(lt) <= 0.01 ? 1 : 0;
                below10 += Math.exp(lt) <= 0.10 ? 1 : 0;
            }
        }
        assertEquals(0.10, (double) below10 / n, 0.02);
        assertEquals(0.01, (double) below1 / n, 0.005);
    }

    @Test
    void tailCalibratorShouldExtrapolateBeyondTheLargestValueSeen() {
        TailCalibrator c = new TailCalibrator(500, 0.02, 100);
        Random rnd = new Random(4);
        for (int i = 0; i < 500; i++) {
            c.logTail(rnd.nextDouble());
        }
        TailCalibrator same = new TailCalibrator(500, 0.02, 100);
        rnd = new Random(4);
        for (int i = 0; i < 500; i++) {
            same.logTail(rnd.nextDouble());
        }
        double far = c.logTail(5.0);
        double farther = same.logTail(50.0);
        assertTrue(far < Math.log(1.0 / 501), "far " + far);
        assertTrue(farther < far, farther + " vs " + far);
    }
}
