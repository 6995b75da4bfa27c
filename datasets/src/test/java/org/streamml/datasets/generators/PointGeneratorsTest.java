package org.streamml.datasets.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;

class PointGeneratorsTest {

    @Test
    void shouldMakeLinearLabelsWhoseCovarianceRecoversTheWeights() {
        double[] sxy = new double[3];
        int n = 50_000;
        for (LabeledPoint p : new LinearGenerator(LinearGenerator.Options.defaults().withWeights(2, -3, 0.5), 5, n)) {
            for (int i = 0; i < 3; i++) {
                sxy[i] += p.features().get(i) * p.label();
            }
        }
        // E[x_i y] = w_i E[x_i^2] = w_i / 3 for x uniform on [-1, 1).
        assertEquals(2, 3 * sxy[0] / n, 0.05);
        assertEquals(-3, 3 * sxy[1] / n, 0.05);
        assertEquals(0.5, 3 * sxy[2] / n, 0.05);
    }

    @Test
    void shouldBalanceLogisticClassesWithZeroOffsetAndSkewThemWithAnOffset() {
        assertEquals(0.5, positiveRate(new LogisticGenerator(LogisticGenerator.Options.defaults()
                .withMode(LogisticGenerator.Mode.STREAMING).withWeights(1, 1), 3, 40_000)), 0.01);
        // offset 2 with a zero weight: P(y=1) = sigmoid(2) = 0.8808.
        assertEquals(0.8808, positiveRate(new LogisticGenerator(LogisticGenerator.Options.defaults()
                .withWeights(0.0).withOffset(2), 3, 40_000)), 0.01);
    }

    @Test
    void shouldCenterEachMixtureClusterOnItsCenter() {
        MixtureGenerator g = new MixtureGenerator(MixtureGenerator.Options.defaults().withK(3).withDimension(2)
                .withRadius(0.5).withCenterSpread(4), 11, 30_000);
        double[][] sum = new double[3][2];
        int[] count = new int[3];
        for (LabeledPoint p : g) {
            int c = (int) p.label();
            count[c]++;
            sum[c][0] += p.features().get(0);
            sum[c][1] += p.features().get(1);
        }
        double[][] centers = g.centers();
        for (int c = 0; c < 3; c++) {
            assertEquals(10_000, count[c]);
            assertEquals(centers[c][0], sum[c][0] / count[c], 0.02);
            assertEquals(centers[c][1], sum[c][1] / count[c], 0.02);
        }
    }

    @Test
    void shouldChangeSeaConceptAtEveryDriftPointWithThePublishedClassRates() {
        SeaGenerator g = new SeaGenerator(SeaGenerator.Options.defaults().withConceptLength(20_000), 9, 80_000);
        assertEquals(List.of(20_000L, 40_000L, 60_000L), g.driftPoints(80_000));
        // P(x1 + x2 <= theta) for x uniform on [0,10]^2, then 10 % of labels flipped.
        double[] theta = {8, 9, 7, 9.5};
        double[] positives = new double[4];
        double[] agree = new double[4];
        long i = 0;
        for (LabeledPoint p : g) {
            int c = g.concept(i++);
            positives[c] += p.label();
            boolean rule = p.features().get(0) + p.features().get(1) <= theta[c];
            agree[c] += (rule ? 1 : 0) == p.label() ? 1 : 0;
        }
        for (int c = 0; c < 4; c++) {
            double clean = theta[c] * theta[c] / 200;
            assertEquals(0.9 * clean + 0.1 * (1 - clean), positives[c] / 20_000, 0.012, "concept " + c);
            assertEquals(0.9, agree[c] / 20_000, 0.008, "concept " + c);
        }
    }

    @Test
    void shouldRotateTheHyperplaneSoTheFirstConceptFitsWorseAfterDrift() {
        HyperplaneGenerator g = new HyperplaneGenerator(HyperplaneGenerator.Options.defaults()
                .withMagnitude(0.0005).withReversalInterval(20_000), 4, 40_000);
        assertEquals(List.of(20_000L), g.driftPoints(40_000));
        double[] w0 = g.weightsAt(0);
        double[] wPeak = g.weightsAt(20_000);
        assertEquals(w0[0] + 10, wPeak[0], 1e-9);
        assertEquals(w0[5], wPeak[5]);
        Iterator<LabeledPoint> it = g.iterator();
        int positives = 0;
        int agreeTrueEarly = 0;
        int agreeInitialLate = 0;
        int agreeTrueLate = 0;
        for (int i = 0; i < 40_000; i++) {
            LabeledPoint p = it.next();
            positives += (int) p.label();
            if (i < 2000) {
                agreeTrueEarly += agrees(g.weightsAt(i), p);
            } else if (i >= 18_000 && i < 22_000) {
                agreeInitialLate += agrees(w0, p);
                agreeTrueLate += agrees(g.weightsAt(i), p);
            }
        }
        assertEquals(0.5, positives / 40_000.0, 0.03);
        assertEquals(0.95, agreeTrueEarly / 2000.0, 0.02);
        assertEquals(0.95, agreeTrueLate / 4000.0, 0.02);
        assertTrue(agreeInitialLate / 4000.0 < 0.85, "initial concept still fits: " + agreeInitialLate / 4000.0);
    }

    @Test
    void shouldRestartEveryPassFromTheSeed() {
        SeaGenerator g = new SeaGenerator(SeaGenerator.Options.defaults(), 1, SeededGenerator.UNBOUNDED);
        assertEquals(g.take(100), g.take(100));
        assertTrue(g.iterator().hasNext());
    }

    private static int agrees(double[] w, LabeledPoint p) {
        double margin = 0;
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            margin += w[i] * p.features().get(i);
            sum += w[i];
        }
        return (margin >= 0.5 * sum ? 1 : 0) == (int) p.label() ? 1 : 0;
    }

    private static double positiveRate(Iterable<LabeledPoint> points) {
        double n = 0;
        double pos = 0;
        for (LabeledPoint p : points) {
            n++;
            pos += p.label();
        }
        return pos / n;
    }
}
