package org.streamml.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void shouldComputeRegressionMetricsByHand() {
        RegressionMetrics.Accumulator a = new RegressionMetrics.Accumulator();
        a.add(1, 2);
        a.add(2, 2);
        RegressionMetrics.Accumulator b = new RegressionMetrics.Accumulator();
        b.add(3, 1);
        RegressionMetrics m = a.merge(b).metrics();
        assertEquals(3, m.count());
        assertEquals(Math.sqrt(5.0 / 3), m.rmse(), 1e-15);
        assertEquals(1.0, m.mae(), 1e-15);
        assertEquals(1 - 5.0 / 2.0, m.r2(), 1e-15);
    }

    @Test
    void shouldComputeAucWithTiesAsHalf() {
        double[] y = {0, 1, 0, 1, 1};
        double[] p = {0.1, 0.4, 0.4, 0.8, 0.05};
        // positive-negative pairs: (0.4,0.1) win, (0.4,0.4) tie, (0.8,*) 2 wins, (0.05,*) 2 losses
        assertEquals((1 + 0.5 + 2) / 6.0, ClassificationMetrics.auc(y, p, 5), 1e-15);
        ClassificationMetrics m = ClassificationMetrics.of(y, p, 5);
        assertEquals(3 / 5.0, m.accuracy(), 1e-15);
        double loss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.6) + Math.log(0.8) + Math.log(0.05)) / 5;
        assertEquals(loss, m.logLoss(), 1e-12);
        ClassificationSummary s = new ClassificationSummary();
        s.add(y, p, 5);
        assertEquals(m.auc(), s.metrics().auc(), 1e-12);
        assertEquals(m.logLoss(), s.metrics().logLoss(), 1e-12);
    }
}
