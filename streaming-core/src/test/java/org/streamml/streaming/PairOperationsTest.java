package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
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
