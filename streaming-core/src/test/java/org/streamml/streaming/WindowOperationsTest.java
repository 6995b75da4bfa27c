package org.streamml.streaming;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.testkit.TestDriver;

class WindowOperationsTest {
    private static final Duration S1 = Duration.ofSeconds(1);
    private static final Duration S2 = Duration.ofSeconds(2);
    private static final Duration S3 = Duration.ofSeconds(3);
    private static final Duration S4 = Duration.ofSeconds(4);

    private static final List<List<Integer>> NUMBERS =
            List.of(List.of(1, 2), List.of(3), List.of(), List.of(4, 5), List.of(6));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldWindowAcrossBatchBoundariesWithPartialFirstWindows(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            DStream<Integer> in = h.input(NUMBERS);
            Map<Long, List<Integer>> sliding = h.collect(in.window(S3, S1));
            Map<Long, List<Integer>> tumbling = h.collect(in.window(S2, S2));
            Map<Long, List<Integer>> wide = h.collect(in.window(S4, S2));
            h.run(5);
            assertEquals(Map.of(1000L, List.of(1, 2), 2000L, List.of(1, 2, 3), 3000L, List.of(1, 2, 3),
                    4000L, List.of(3, 4, 5), 5000L, List.of(4, 5, 6)), sortedInts(sliding));
            assertEquals(Map.of(2000L, List.of(1, 2, 3), 4000L, List.of(4, 5)), sortedInts(tumbling));
            assertEquals(Map.of(2000L, List.of(1, 2, 3), 4000L, List.of(1, 2, 3, 4, 5)), sortedInts(wide));
        }
    }

    @Test
    void shouldLeaveGapsWhenTheSlideExceedsTheWindow() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            Map<Long, List<Integer>> gappy = h.collect(h.input(NUMBERS).window(S1, S2));
            h.run(5);
            assertEquals(Map.of(2000L, List.of(3), 4000L, List.of(4, 5)), sortedInts(gappy));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldReduceByWindowWithAndWithoutInverse(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            DStream<Integer> in = h.input(NUMBERS);
            Map<Long, List<Integer>> plain = h.collect(in.reduceByWindow(Integer::sum, S3, S1));
            Map<Long, List<Integer>> inverse = h.collect(in.reduceByWindow(Integer::sum, (a, b) -> a - b, S3, S1));
            h.run(5);
            Map<Long, List<Integer>> expected = Map.of(1000L, List.of(3), 2000L, List.of(6), 3000L, List.of(6),
                    4000L, List.of(12), 5000L, List.of(15));
            assertEquals(expected, plain);
            assertEquals(expected, inverse);
        }
    }

    @Test
    void shouldGiveEmptyBeforeDataAndZeroAfterDataForCountByWindow() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            DStream<String> in = h.input(List.of(List.of(), List.of("a"), List.of(), List.of(), List.of()));
            Map<Long, List<Long>> counts = h.collect(in.countByWindow(S2, S1));
            Map<Long, List<String>> reduced = h.collect(in.reduceByWindow((a, b) -> a + b, S2, S1));
            Map<Long, List<Long>> perBatch = h.collect(in.count());
            h.run(5);
            assertEquals(Map.of(1000L, List.of(), 2000L, List.of(1L), 3000L, List.of(1L), 4000L, List.of(0L),
                    5000L, List.of(0L)), counts);
            assertEquals(Map.of(1000L, List.of(), 2000L, List.of("a"), 3000L, List.of("a"), 4000L, List.of(),
                    5000L, List.of()), reduced);
            assertEquals(Map.of(1000L, List.of(0L), 2000L, List.of(1L), 3000L, List.of(0L), 4000L, List.of(0L),
                    5000L, List.of(0L)), perBatch);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldGiveZeroForAnEmptyTumblingWindowAfterDataWhenReducingWithAnInverse(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            DStream<Integer> in = h.input(List.of(List.of(), List.of(), List.of(1, 2), List.of(3), List.of(),
                    List.of(), List.of(4), List.of()));
            Map<Long, List<Long>> counts = h.collect(in.countByWindow(S2, S2));
            Map<Long, List<Integer>> inverse = h.collect(in.reduceByWindow(Integer::sum, (a, b) -> a - b, S2, S2));
            Map<Long, List<Integer>> plain = h.collect(in.reduceByWindow(Integer::sum, S2, S2));
            h.run(8);
            // Spark: no window before data, 0 (what the inverse leaves) for an empty window after data
            assertEquals(Map.of(2000L, List.of(), 4000L, List.of(3L), 6000L, List.of(0L), 8000L, List.of(1L)), counts);
            assertEquals(Map.of(2000L, List.of(), 4000L, List.of(6), 6000L, List.of(0), 8000L, List.of(4)), inverse);
            assertEquals(Map.of(2000L, List.of(), 4000L, List.of(6), 6000L, List.of(), 8000L, List.of(4)), plain);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldKeepZeroValuedKeysOfTumblingWindowsUnlessTheFilterDropsThem(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> in = h.pairs(List.of(List.of(Pair.of("a", 1), Pair.of("b", 2)),
                    List.of(Pair.of("a", 3)), List.of(Pair.of("b", 5)), List.of(), List.of(), List.of()));
            var kept = h.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, S2, S2));
            var filtered = h.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, S2, S2, partitions,
                    kv -> kv.value() != 0));
            var plain = h.collect(in.reduceByKeyAndWindow(Integer::sum, S2, S2));
            h.run(6);
            assertEquals(Map.of(2000L, List.of("(a,4)", "(b,2)"), 4000L, List.of("(a,0)", "(b,5)"),
                    6000L, List.of("(a,0)", "(b,0)")), TestDriver.sorted(kept));
            Map<Long, List<String>> withoutZeros = Map.of(2000L, List.of("(a,4)", "(b,2)"), 4000L, List.of("(b,5)"),
                    6000L, List.of());
            assertEquals(withoutZeros, TestDriver.sorted(filtered));
            assertEquals(withoutZeros, TestDriver.sorted(plain));
        }
    }

    @Test
    void shouldReduceEachWindowFromItsOwnBatchesWhenTheSlideExceedsTheWindow() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            PairDStream<String, Integer> in = h.pairs(List.of(List.of(Pair.of("a", 1)), List.of(Pair.of("a", 2)),
                    List.of(Pair.of("b", 3)), List.of(Pair.of("a", 4))));
            var gappy = h.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, S1, S2));
            h.run(4);
            // A deliberate difference: Spark's formula would also count the gap batch at 3000 ((b,3) at 4000).
            assertEquals(Map.of(2000L, List.of("(a,2)"), 4000L, List.of("(a,4)")), TestDriver.sorted(gappy));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldCountByValueAndWindowDroppingZeroCounts(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> in = h.pairs(List.of(
                    List.of(Pair.of("a", 1), Pair.of("b", 1), Pair.of("a", 1)), List.of(Pair.of("b", 1)),
                    List.of(Pair.of("c", 1)), List.of()));
            Map<Long, List<Pair<String, Long>>> counts = h.collect(in.map(Pair::key).countByValueAndWindow(S2, S1));
            Map<Long, List<Pair<String, Integer>>> kept = h.collect(
                    in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, S2, S1));
            h.run(4);
            assertEquals(Map.of(1000L, List.of("(a,2)", "(b,1)"), 2000L, List.of("(a,2)", "(b,2)"),
                    3000L, List.of("(b,1)", "(c,1)"), 4000L, List.of("(c,1)")), TestDriver.sorted(counts));
            assertEquals(Map.of(1000L, List.of("(a,2)", "(b,1)"), 2000L, List.of("(a,2)", "(b,2)"),
                    3000L, List.of("(a,0)", "(b,1)", "(c,1)"), 4000L, List.of("(a,0)", "(b,0)", "(c,1)")),
                    TestDriver.sorted(kept));
        }
    }

    @Test
    void shouldGroupByKeyAndWindowInArrivalOrder() throws Exception {
        try (TestDriver h = new TestDriver(1)) {
            PairDStream<String, Integer> in = h.pairs(List.of(List.of(Pair.of("a", 1), Pair.of("b", 2)),
                    List.of(Pair.of("a", 3)), List.of()));
            Map<Long, List<Pair<String, List<Integer>>>> groups = h.collect(in.groupByKeyAndWindow(S2, S1));
            h.run(3);
            assertEquals(List.of(Pair.of("a", List.of(1, 3)), Pair.of("b", List.of(2))), groups.get(2000L));
            assertEquals(List.of(Pair.of("a", List.of(3))), groups.get(3000L));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldGiveTheSameWindowsWithTheInverseAsWithout(int partitions) throws Exception {
        Random rnd = new Random(42);
        List<List<Pair<Integer, Long>>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            List<Pair<Integer, Long>> batch = new ArrayList<>();
            int n = b % 6 == 5 ? 0 : rnd.nextInt(30);
            for (int i = 0; i < n; i++) {
                batch.add(Pair.of(rnd.nextInt(12), (long) rnd.nextInt(100)));
            }
            batches.add(batch);
        }
        long[][] windows = {{3, 1}, {4, 2}, {2, 2}, {6, 3}, {2, 3}};
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<Integer, Long> in = h.pairs(batches);
            List<Map<Long, List<Pair<Integer, Long>>>> plain = new ArrayList<>();
            List<Map<Long, List<Pair<Integer, Long>>>> inverse = new ArrayList<>();
            for (long[] w : windows) {
                Duration win = Duration.ofSeconds(w[0]);
                Duration slide = Duration.ofSeconds(w[1]);
                plain.add(h.collect(in.reduceByKeyAndWindow(Long::sum, win, slide)));
                inverse.add(h.collect(in.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, win, slide, 3,
                        kv -> kv.value() != 0L)));
            }
            h.run(22);
            for (int i = 0; i < windows.length; i++) {
                assertTrue(plain.get(i).size() >= 7, "windows produced");
                assertEquals(TestDriver.sorted(plain.get(i)), TestDriver.sorted(inverse.get(i)), "window " + i);
            }
        }
    }

    @Test
    void shouldRejectWindowsThatAreNotMultiplesOfTheParentSlide() throws Exception {
        try (TestDriver h = new TestDriver(1)) {
            DStream<Integer> in = h.input(NUMBERS);
            IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                    () -> in.window(Duration.ofMillis(2500), S1));
            assertEquals("The window duration of windowed DStream (2500 ms) must be a multiple of the slide"
                    + " duration of parent DStream (1000 ms)", w.getMessage());
            IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                    () -> in.window(S4, S2).window(S4, S3));
            assertEquals("The slide duration of windowed DStream (3000 ms) must be a multiple of the slide"
                    + " duration of parent DStream (2000 ms)", s.getMessage());
            assertThrows(IllegalArgumentException.class, () -> in.mapToPair(x -> Pair.of(x, 1))
                    .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Duration.ofMillis(1500), S1));
            assertThrows(IllegalArgumentException.class, () -> in.countByWindow(S2, Duration.ofMillis(700)));
        }
    }

    private static Map<Long, List<Integer>> sortedInts(Map<Long, List<Integer>> batches) {
        Map<Long, List<Integer>> out = new java.util.TreeMap<>();
        batches.forEach((t, b) -> {
            List<Integer> s = new ArrayList<>(b);
            s.sort(null);
            out.put(t, s);
        });
        return out;
    }
}
