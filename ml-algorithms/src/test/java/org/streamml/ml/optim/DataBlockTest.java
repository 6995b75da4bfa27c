package org.streamml.ml.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;

class DataBlockTest {
    private static final List<LabeledPoint> DENSE = List.of(LabeledPoint.of(1.0, 0.0, 2.0, 0.0),
            LabeledPoint.of(0.0, 1.5, 0.0, -1.0), LabeledPoint.of(1.0, 0.0, 0.0, 3.0));
    private static final List<LabeledPoint> SPARSE = List.of(
            new LabeledPoint(1.0, Vectors.sparse(3, new int[] {1}, new double[] {2.0})),
            new LabeledPoint(0.0, Vectors.sparse(3, new int[] {0, 2}, new double[] {1.5, -1.0})),
            LabeledPoint.of(1.0, 0.0, 0.0, 3.0));

    @Test
    void shouldGiveTheSameGradientForDenseAndSparseRows() {
        double[] w = {0.3, -0.2, 0.7};
        for (LossFunction loss : LossFunction.values()) {
            double[] g1 = new double[4];
            double[] g2 = new double[4];
            long n1 = DataBlock.of(0, DENSE, 3).addGradient(loss, w, 0.5, true, g1, null);
            long n2 = DataBlock.of(0, SPARSE, 3).addGradient(loss, w, 0.5, true, g2, null);
            assertEquals(3, n1);
            assertEquals(3, n2);
            assertArrayEquals(g1, g2, 1e-15, loss.name());
        }
    }

    @Test
    void shouldComputeTheLeastSquaresGradientByHand() {
        double[] g = new double[3];
        DataBlock.of(0, DENSE, 3).addGradient(LossFunction.LEAST_SQUARES, new double[] {1, 1, 1}, 0, false, g, null);
        // residuals: 2 - 1 = 1, 0.5 - 0 = 0.5, 3 - 1 = 2
        assertArrayEquals(new double[] {0.75, 2.0, -0.5 + 6.0}, g, 1e-15);
    }

    @Test
    void shouldCountLabelsThatAreNotBinaryAndRejectOtherDimensions() {
        assertEquals(1, DataBlock.of(0, List.of(LabeledPoint.of(0.5, 1.0), LabeledPoint.of(1.0, 1.0)), 1)
                .countNonBinaryLabels());
        assertEquals("point 1 of partition 4 has 1 features, the model has 3", assertThrows(
                IllegalArgumentException.class, () -> DataBlock.of(4, List.of(DENSE.get(0), LabeledPoint.of(1, 1)),
                        3)).getMessage());
    }

    @Test
    void shouldApplySparksUpdaters() {
        double[] w = {1.0, -1.0};
        Updater.SIMPLE.apply(w, new double[] {2.0, 4.0}, 2.0, 0.5, 100.0);
        assertArrayEquals(new double[] {0.5, -2.0}, w, 0.0);
        double[] l2 = {1.0, -1.0};
        Updater.SQUARED_L2.apply(l2, new double[] {2.0, 4.0}, 2.0, 0.5, 0.2);
        assertArrayEquals(new double[] {0.9 - 0.5, -0.9 - 1.0}, l2, 1e-15);
        double[] l1 = {1.0, -0.05};
        Updater.L1.apply(l1, new double[] {0.0, 0.0}, 1.0, 0.5, 0.2);
        assertArrayEquals(new double[] {0.9, 0.0}, l1, 1e-15);
    }
}
