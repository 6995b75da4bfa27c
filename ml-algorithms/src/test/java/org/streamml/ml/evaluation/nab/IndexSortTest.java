package org.streamml.ml.evaluation.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexSortTest {
    @Test
    void shouldOrderIndicesByDescendingKeyKeepingTiesInIndexOrder() {
        Random rnd = new Random(5);
        for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = rnd.nextInt(7) / 7.0;
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -key[i]))
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, IndexSort.descending(key, n));
        }
    }
}
