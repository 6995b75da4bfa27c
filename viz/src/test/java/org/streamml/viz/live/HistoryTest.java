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
    void shouldRejectAPointWithTheWrongNumberOfValues() {
        History h = new History(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.append(0, new double[3]));
        assertEquals("expected 2 values per point but got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new History(0, 1));
    }
}
