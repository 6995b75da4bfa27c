package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void shouldKeepEveryRowOfAShortSeries() {
        double[] x = {0, 1, 2, 3};
        assertArrayEquals(new int[] {0, 1, 2, 3}, Downsample.rows(x, new double[][] {{5, 6, 7, 8}}, 10));
    }

    @Test
    void shouldKeepEachBucketsFirstLastMinimumAndMaximumSoSpikesSurvive() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 1000.0);
        }
        y[54_321] = 50;    // a spike
        y[77_777] = -50;   // and a dip
        int[] rows = Downsample.rows(x, new double[][] {y}, 100);
        assertTrue(rows.length <= 100 * 4 && rows.length >= 200, "at most 4 rows per bucket: " + rows.length);
        assertTrue(Arrays.binarySearch(rows, 54_321) >= 0 && Arrays.binarySearch(rows, 77_777) >= 0,
                "the spike and the dip are kept");
        assertEquals(0, rows[0]);
        assertEquals(n - 1, rows[rows.length - 1]);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i] > rows[i - 1], "rows in order, each once");
        }
    }

    @Test
    void shouldThinAScatterByTakingEveryNthRow() {
        int n = 10_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i * 7919) % 1000;   // not increasing
        }
        int[] rows = Downsample.rows(x, new double[][] {x.clone()}, 100);
        assertEquals(400, rows.length, "every 25th row");
        assertEquals(25, rows[1]);
    }
}
