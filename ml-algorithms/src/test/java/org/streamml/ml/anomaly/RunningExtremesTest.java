package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sliding maximum and minimum of the magnitude channel, against a brute-force scan, and their state. */
class RunningExtremesTest {

    @Test
    void shouldMatchTheExtremesOfTheLastValuesForAnyLength() {
        Random rnd = new Random(3);
        for (int length : new int[] {1, 2, 7, 64}) {
            double[] v = new double[2000];
            RunningExtremes e = new RunningExtremes(length);
            assertTrue(e.isEmpty());
            for (int i = 0; i < v.length; i++) {
                // repeated values and runs test the ties of the monotone deques
                v[i] = rnd.nextInt(4) == 0 ? (i > 0 ? v[i - 1] : 0) : Math.floor(rnd.nextGaussian() * 5);
                e.add(v[i]);
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int j = Math.max(0, i - length + 1); j <= i; j++) {
                    max = Math.max(max, v[j]);
                    min = Math.min(min, v[j]);
                }
                assertEquals(max, e.max(), "max, length " + length + ", value " + i);
                assertEquals(min, e.min(), "min, length " + length + ", value " + i);
            }
        }
    }

    @Test
    void shouldContinueExactlyAfterSaveAndRestore() {
        Random rnd = new Random(4);
        RunningExtremes original = new RunningExtremes(50);
        for (int i = 0; i < 500; i++) {
            original.add(rnd.nextGaussian());
        }
        DetectorState.Writer out = new DetectorState.Writer();
        original.save(out);
        RunningExtremes restored = new RunningExtremes(50);
        DetectorState.Reader in = new DetectorState.Reader(out.toArray());
        restored.restore(in);
        in.end();
        for (int i = 0; i < 500; i++) {
            double x = rnd.nextGaussian();
            original.add(x);
            restored.add(x);
            assertEquals(original.max(), restored.max());
            assertEquals(original.min(), restored.min());
        }
    }

    @Test
    void shouldRefuseADamagedState() {
        DetectorState.Writer out = new DetectorState.Writer();
        out.put(10.0);      // ten values seen
        out.putInt(2);      // a deque of two entries out of order
        out.put(1.0);
        out.put(3.0);
        out.put(5.0);
        out.put(2.0);
        out.putInt(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunningExtremes(50).restore(new DetectorState.Reader(out.toArray())));
        assertTrue(e.getMessage().contains("damaged extremes window"), e.getMessage());
    }
}
