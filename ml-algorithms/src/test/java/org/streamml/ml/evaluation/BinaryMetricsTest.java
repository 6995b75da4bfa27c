package org.streamml.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void shouldMatchScikitLearnsRocAucWithTies() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertEquals(0.75, BinaryMetrics.of(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}, 0.5).auc());
        // A tie between a positive and a negative counts one half: 3.5 of 4 pairs.
        assertEquals(0.875, BinaryMetrics.of(new double[] {0.1, 0.5, 0.5, 0.9}, new double[] {0, 0, 1, 1}, 0.5).auc());
    }

    @Test
    void shouldCountPrecisionAndRecallOfTheAlerts() {
        BinaryMetrics m = BinaryMetrics.of(new double[] {0.9, 0.8, 0.2, 0.7, 0.1}, new double[] {1, 0, 1, 1, 0}, 0.7);
        assertEquals(3, m.alerts());
        assertEquals(2, m.truePositives());
        assertEquals(3, m.positives());
        assertEquals(2.0 / 3, m.precision());
        assertEquals(2.0 / 3, m.recall());
    }

    @Test
    void shouldGiveNaNWhereAMetricIsUndefined() {
        BinaryMetrics m = BinaryMetrics.of(new double[] {0.1, 0.2}, new double[] {0, 0}, 0.5);
        assertTrue(Double.isNaN(m.auc()));
        assertTrue(Double.isNaN(m.precision()));
        assertTrue(Double.isNaN(m.recall()));
    }

    @Test
    void shouldBeOneHalfForScoresIndependentOfTheLabels() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] s = new double[20_000];
        double[] y = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextDouble();
            y[i] = rnd.nextInt(10) == 0 ? 1 : 0;
        }
        assertEquals(0.5, BinaryMetrics.of(s, y, 0.5).auc(), 0.02);
        assertEquals(1.0, BinaryMetrics.of(y, y, 0.5).auc());
    }

    @Test
    void shouldRejectLabelsOtherThanZeroOrOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.of(new double[] {0.5}, new double[] {2}, 0.5));
        assertEquals("label must be 0 or 1: 2.0 at 0", e.getMessage());
    }
}
