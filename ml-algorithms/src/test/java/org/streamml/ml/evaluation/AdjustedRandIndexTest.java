package org.streamml.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

    @Test
    void shouldMatchScikitLearnOnSmallCases() {
        // Values from sklearn.metrics.adjusted_rand_score.
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-15);
        assertEquals(-0.5, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-15);
        assertEquals(0.0, AdjustedRandIndex.of(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 1e-15);
        assertEquals(0.24242424242424246,
                AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}), 1e-15);
    }

    @Test
    void shouldBeOneForTheSameClusteringUnderOtherNames() {
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 0}));
    }

    @Test
    void shouldBeOneWhenBothClusteringsAreTrivial() {
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 0}, new int[] {1, 1, 1}));
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 1, 2}, new int[] {2, 0, 1}));
        assertEquals(1.0, AdjustedRandIndex.of(new int[0], new int[0]));
    }

    @Test
    void shouldBeNearZeroForIndependentRandomClusterings() {
        SplittableRandom rnd = new SplittableRandom(7);
        int[] a = new int[20_000];
        int[] b = new int[20_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt(4);
            b[i] = rnd.nextInt(4);
        }
        assertEquals(0.0, AdjustedRandIndex.of(a, b), 0.01);
    }

    @Test
    void shouldRejectMismatchedOrNegativeLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdjustedRandIndex.of(new int[] {0, 1}, new int[] {0}));
        assertEquals("clusterings must label the same items: 2 and 1 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(new int[] {0}, new int[] {-1}));
        assertEquals("cluster must be >= 0: -1 at item 0 of the second clustering", e.getMessage());
    }

    @Test
    void shouldCountSizesAndRenameClustersInOrderOfAppearance() {
        assertArrayEquals(new int[] {1, 0, 2}, AdjustedRandIndex.sizes(new int[] {2, 0, 2}, 3));
        assertArrayEquals(new int[] {0, 0, 1, 2, 1}, AdjustedRandIndex.canonical(new int[] {4, 4, 1, 0, 1}));
    }

    @Property(tries = 200, seed = "20240607")
    void shouldBeSymmetricAtMostOneAndBlindToClusterNames(
            @ForAll @Size(min = 2, max = 40) int[] seedLabels, @ForAll @IntRange(min = 1, max = 5) int shift) {
        int[] a = new int[seedLabels.length];
        int[] b = new int[seedLabels.length];
        int[] renamed = new int[seedLabels.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.floorMod(seedLabels[i], 4);
            b[i] = Math.floorMod(seedLabels[i] / 4, 3);
            renamed[i] = (a[i] + shift) % 4 + 10;
        }
        double ab = AdjustedRandIndex.of(a, b);
        assertEquals(ab, AdjustedRandIndex.of(b, a), 1e-12);
        assertTrue(ab <= 1 + 1e-12, () -> "ARI " + ab);
        assertEquals(ab, AdjustedRandIndex.of(renamed, b), 1e-12);
        assertEquals(1.0, AdjustedRandIndex.of(a, renamed), 1e-12);
    }
}
