package org.streamml.viz.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void shouldKeepTheLatestPointsInOrder() {
        History h = new History(3, 2);
        for (int i = 0; i < 5; i++) {
            h.append(i, new double[] {10 * i, -i});
        }

        double[][] s = h.snapshot();

        assertArrayEquals(new double[] {2, 3, 4}, s[0]);
        assertArrayEquals(new double[] {20, 30, 40}, s[1]);
        assertArrayEquals(new double[] {-2, -3, -4}, s[2]);
        assertEquals(5, h.appended());
        assertEquals(3, h.size());
    }

    @Test
    void shouldSnapshotAPartlyFilledRing() {
        History h = new History(4, 1);
        h.append(1, 5.0);
        h.append(2, 6.0);

        assertArrayEquals(new double[][] {{1, 2}, {5, 6}}, h.snapshot());
    }

    @Test
    void shouldAppendABlockAsIfPointByPoint() {
        History block = new History(4, 2);
        History single = new History(4, 2);
        double[] xs = new double[7];
        double[][] rows = new double[7][];
        for (int i = 0; i < 7; i++) {
            xs[i] = i;
            rows[i] = new double[] {i * 2.0, -i};
            single.append(xs[i], rows[i]);
        }
        block.append(-1, new double[] {0, 0});

        block.appendRows(xs, rows, 6);
        block.appendRows(new double[] {6}, new double[][] {rows[6]}, 1);
        single.append(-2, new double[] {0, 0});
        block.append(-2, new double[] {0, 0});

        assertArrayEquals(single.snapshot(), block.snapshot());
        assertEquals(9, block.appended(), "every point counts, the ones the ring dropped too");
        assertThrows(IllegalArgumentException.class, () -> block.appendRows(xs, rows, 8));
    }

    @Test
    void shouldAppendABlockOfSingleValues() {
        History h = new History(3, 1);
        h.appendValues(new double[] {1, 2, 3, 4, 5}, new double[] {10, 20, 30, 40, 50}, 4);

        assertArrayEquals(new double[][] {{2, 3, 4}, {20, 30, 40}}, h.snapshot());
        assertEquals(4, h.appended());
    }

    @Test
    void shouldRejectAPointWithTheWrongNumberOfValues() {
        History h = new History(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.append(0, new double[3]));
        assertEquals("expected 2 values per point but got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new History(0, 1));
    }
}
