package org.streamml.ml.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Time;

class GradientDescentTest {
    private static final List<LabeledPoint> POINTS = List.of(LabeledPoint.of(2.0, 1.0), LabeledPoint.of(4.0, 2.0));

    private static GradientDescent.Result run(GradientDescentSettings s) {
        try (LocalExecutor ex = new LocalExecutor(1)) {
            Batch<DataBlock> blocks = new Batch<>(Time.ofMillis(1000), List.of(List.of(DataBlock.of(0, POINTS, 1))), ex);
            return GradientDescent.run(blocks, LossFunction.LEAST_SQUARES, new double[] {0.0}, 0.0, s);
        }
    }

    @Test
    void shouldStepWithTheSquareRootScheduleAndStopFromTheSecondUpdate() {
        GradientDescent.Result one = run(new GradientDescentSettings(0.1, 1, 0, 1, 0.0, Updater.SIMPLE, false, 42));
        // g = ((0-2)·1 + (0-4)·2)/2 = -5, w = 0 + 0.1·5
        assertArrayEquals(new double[] {0.5}, one.weights(), 1e-15);
        GradientDescent.Result two = run(new GradientDescentSettings(0.1, 2, 0, 1, 0.0, Updater.SIMPLE, false, 42));
        // g = ((0.5-2) + (1-4)·2)/2 = -3.75, w = 0.5 + 0.1/√2 · 3.75
        assertArrayEquals(new double[] {0.5 + 0.1 / Math.sqrt(2) * 3.75}, two.weights(), 1e-15);
        GradientDescent.Result loose = run(new GradientDescentSettings(0.1, 50, 0, 1, 1.0, Updater.SIMPLE, false, 42));
        assertEquals(2, loose.updates(), "tolerance 1 stops at the first comparison, after the second update");
    }

    @Test
    void shouldAdvanceTheStepCounterWhenASampleIsEmpty() {
        GradientDescent.Result r = run(new GradientDescentSettings(0.1, 5, 0, 1e-9, 0.0, Updater.SIMPLE, false, 42));
        assertEquals(0, r.updates());
        assertArrayEquals(new double[] {0.0}, r.weights(), 0.0);
    }
}
