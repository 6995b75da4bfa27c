package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamml.streaming.testkit.TestDriver;

class PairOperationsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldJoinOnlyKeysPresentOnBothSidesAndKeepMissingOnesInOuterJoins(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> left = h.pairs(List.of(
                    List.of(Pair.of("a", 1), Pair.of("b", 2), Pair.of("b", 3)), List.of()));
            PairDStream<String, String> right = h.pairs(List.of(
                    List.of(Pair.of("b", "x"), Pair.of("c", "y")), List.of(Pair.of("a", "z"))));
            var join = h.collect(left.join(right));
            var outer = h.collect(left.leftOuterJoin(right));
            var cogroup = h.collect(left.cogroup(right));
            h.run(2);
            assertEquals(Map.of(1000L, List.of("(b,(2,x))", "(b,(3,x))"), 2000L, List.of()),
                    TestDriver.sorted(join));
            assertEquals(Map.of(1000L, List.of("(a,(1,Optional.empty))", "(b,(2,Optional[x]))",
                    "(b,(3,Optional[x]))"), 2000L, List.of()), TestDriver.sorted(outer));
            assertEquals(Map.of(1000L, List.of("(a,([1],[]))", "(b,([2, 3],[x]))", "(c,([],[y]))"),
                    2000L, List.of("(a,([],[z]))")), TestDriver.sorted(cogroup));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldKeepEveryRightValueInRightOuterJoinsAndEveryValueInFullOuterJoins(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> left = h.pairs(List.of(
                    List.of(Pair.of("a", 1), Pair.of("b", 2), Pair.of("b", 3)), List.of(), List.of(Pair.of("d", 4))));
            PairDStream<String, String> right = h.pairs(List.of(
                    List.of(Pair.of("b", "x"), Pair.of("c", "y")), List.of(Pair.of("a", "z")), List.of()));
            var rightOuter = h.collect(left.rightOuterJoin(right));
            var fullOuter = h.collect(left.fullOuterJoin(right));
            h.run(3);
            assertEquals(Map.of(1000L, List.of("(b,(Optional[2],x))", "(b,(Optional[3],x))", "(c,(Optional.empty,y))"),
                    2000L, List.of("(a,(Optional.empty,z))"), 3000L, List.of()), TestDriver.sorted(rightOuter));
            assertEquals(Map.of(1000L, List.of("(a,(Optional[1],Optional.empty))", "(b,(Optional[2],Optional[x]))",
                            "(b,(Optional[3],Optional[x]))", "(c,(Optional.empty,Optional[y]))"),
                    2000L, List.of("(a,(Optional.empty,Optional[z]))"),
                    3000L, List.of("(d,(Optional[4],Optional.empty))")), TestDriver.sorted(fullOuter));
        }
    }

    @Test
    void shouldHashPartitionJoinsIntoTheDefaultPartitionCountAsSparkDoes() throws Exception {
        try (TestDriver h = new TestDriver(4)) {
            // The left side has 2 partitions; Spark's joins still use the default parallelism (here 4).
            PairDStream<Integer, Integer> left = PairDStream.of(h.<Pair<Integer, Integer>>input(List.of(
                    List.of(Pair.of(1, 10), Pair.of(2, 20), Pair.of(3, 30), Pair.of(6, 60)))).repartition(2));
            PairDStream<Integer, String> right = h.pairs(List.of(
                    List.of(Pair.of(1, "x"), Pair.of(5, "y"), Pair.of(6, "z"))));
            List<DStream<? extends Pair<Integer, ?>>> joins = List.of(left.join(right), left.leftOuterJoin(right),
                    left.rightOuterJoin(right), left.fullOuterJoin(right), left.cogroup(right),
                    left.join(right, 3), left.leftOuterJoin(right, 3), left.rightOuterJoin(right, 3),
                    left.fullOuterJoin(right, 3), left.cogroup(right, 3));
            List<Map<Long, List<List<Integer>>>> keysByPartition = new ArrayList<>();
            for (DStream<? extends Pair<Integer, ?>> join : joins) {
                Map<Long, List<List<Integer>>> keys = new ConcurrentSkipListMap<>();
                join.foreachBatch((b, t) -> {
                    List<List<Integer>> parts = new ArrayList<>();
                    for (List<? extends Pair<Integer, ?>> part : b.partitions()) {
                        parts.add(part.stream().map(Pair::key).distinct().sorted().toList());
                    }
                    keys.put(t.millis(), parts);
                });
                keysByPartition.add(keys);
            }
            h.run(1);
            for (int i = 0; i < joins.size(); i++) {
                int n = i < 5 ? 4 : 3;
                assertEquals(n, joins.get(i).numPartitions(), joins.get(i).describe());
                List<List<Integer>> parts = keysByPartition.get(i).get(1000L);
                assertEquals(n, parts.size(), joins.get(i).describe());
                for (int r = 0; r < n; r++) {
                    for (int key : parts.get(r)) {
                        assertEquals(r, PairBatch.partitionOf(key, n), "key " + key + " of " + joins.get(i).describe());
                    }
                }
            }
            assertEquals(List.of(List.of(), List.of(1), List.of(6), List.of()), keysByPartition.get(0).get(1000L));
            assertEquals(List.of(List.of(3, 6), List.of(1), List.of(2, 5)), keysByPartition.get(8).get(1000L));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldReduceGroupAndCountPerBatch(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> in = h.pairs(List.of(
                    List.of(Pair.of("a", 1), Pair.of("b", 2), Pair.of("a", 5)), List.of()));
            var reduced = h.collect(in.reduceByKey(Integer::sum));
            var counted = h.collect(in.map(Pair::key).countByValue());
            var mapped = h.collect(in.mapValues(v -> v * 10));
            h.run(2);
            assertEquals(Map.of(1000L, List.of("(a,6)", "(b,2)"), 2000L, List.of()), TestDriver.sorted(reduced));
            assertEquals(Map.of(1000L, List.of("(a,2)", "(b,1)"), 2000L, List.of()), TestDriver.sorted(counted));
            assertEquals(Map.of(1000L, List.of("(a,10)", "(a,50)", "(b,20)"), 2000L, List.of()),
                    TestDriver.sorted(mapped));
        }
    }
}
