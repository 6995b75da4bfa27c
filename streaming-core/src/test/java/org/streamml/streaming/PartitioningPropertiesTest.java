package org.streamml.streaming;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.streamml.streaming.testkit.TestDriver;

class PartitioningPropertiesTest {
    private static final LocalExecutor INLINE = new LocalExecutor(1);

    @Property(tries = 200, seed = "20261125")
    void splittingKeepsEveryRecordInOrder(@ForAll @Size(max = 60) List<Integer> records,
                                          @ForAll @IntRange(min = 1, max = 9) int partitions) {
        Batch<Integer> batch = Batch.split(Time.ofMillis(1000), records, partitions, INLINE);
        assertEquals(partitions, batch.numPartitions());
        assertEquals(records, batch.collect());
        for (List<Integer> p : batch.partitions()) {
            int expectedMin = records.size() / partitions;
            assertTrue(p.size() == expectedMin || p.size() == expectedMin + 1, "partition sizes differ by at most one");
        }
    }

    @Property(tries = 200, seed = "20261126")
    void hashPartitioningKeepsEveryPairAndPutsEachKeyInOnePartition(
            @ForAll @Size(max = 60) List<@IntRange(min = -5, max = 20) Integer> keys,
            @ForAll @IntRange(min = 1, max = 9) int from, @ForAll @IntRange(min = 1, max = 9) int to) {
        List<Pair<Integer, Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.add(Pair.of(keys.get(i), i));
        }
        PairBatch<Integer, Integer> moved = PairBatch.of(Batch.split(Time.ofMillis(0), pairs, from, INLINE))
                .partitionBy(to);
        List<Pair<Integer, Integer>> all = new ArrayList<>(moved.collect());
        all.sort((a, b) -> Integer.compare(a.value(), b.value()));
        assertEquals(pairs, all);
        for (int r = 0; r < to; r++) {
            for (Pair<Integer, Integer> kv : moved.partition(r)) {
                assertEquals(PairBatch.partitionOf(kv.key(), to), r);
            }
        }
    }

    @Property(tries = 25, seed = "20261127")
    void pipelinesGiveTheSameResultsWithOneTwoOrSevenPartitions(
            @ForAll @Size(min = 1, max = 6) List<@Size(max = 12) List<@IntRange(min = 0, max = 6) Integer>> input)
            throws Exception {
        Map<String, Map<Long, List<String>>> one = run(input, 1);
        assertEquals(one, run(input, 2));
        assertEquals(one, run(input, 7));
    }

    private static Map<String, Map<Long, List<String>>> run(List<List<Integer>> input, int partitions)
            throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            DStream<Integer> in = h.input(input);
            PairDStream<Integer, Integer> pairs = in.mapToPair(x -> Pair.of(x % 4, x));
            Map<String, Map<Long, ? extends List<?>>> outs = new java.util.LinkedHashMap<>();
            outs.put("countByValue", h.collect(in.countByValue()));
            outs.put("reduceByKey", h.collect(pairs.reduceByKey(Integer::sum)));
            outs.put("window", h.collect(in.window(Duration.ofSeconds(2), Duration.ofSeconds(1))));
            outs.put("countByValueAndWindow", h.collect(in.countByValueAndWindow(Duration.ofSeconds(3),
                    Duration.ofSeconds(1))));
            outs.put("countByWindow", h.collect(in.countByWindow(Duration.ofSeconds(2), Duration.ofSeconds(2))));
            outs.put("state", h.collect(pairs.updateStateByKey((List<Integer> vs, Optional<Integer> s) -> {
                int sum = s.orElse(0);
                for (int v : vs) {
                    sum += v;
                }
                return sum > 20 ? Optional.empty() : Optional.of(sum);
            })));
            outs.put("join", h.collect(pairs.join(pairs.mapValues(v -> v * 2))));
            h.run(input.size() + 2);
            Map<String, Map<Long, List<String>>> sorted = new java.util.LinkedHashMap<>();
            outs.forEach((k, v) -> sorted.put(k, TestDriver.sorted(v)));
            return sorted;
        }
    }
}
