package org.streamml.streaming;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamml.streaming.testkit.TestDriver;

class StateOperationsTest {

    /** State (running sum, number of update calls); a 0 value removes the key. */
    private static Optional<Pair<Integer, Integer>> sumAndCalls(List<Integer> values,
                                                               Optional<Pair<Integer, Integer>> prev) {
        if (values.contains(0)) {
            return Optional.empty();
        }
        int sum = prev.map(Pair::key).orElse(0);
        for (int v : values) {
            sum += v;
        }
        return Optional.of(Pair.of(sum, prev.map(Pair::value).orElse(0) + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldUpdateEveryKeyEachBatchAndRemoveOnEmpty(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> in = h.pairs(List.of(List.of(Pair.of("a", 1), Pair.of("b", 2)),
                    List.of(Pair.of("a", 3)), List.of(Pair.of("b", 0)), List.of()));
            Map<Long, List<Pair<String, Pair<Integer, Integer>>>> state =
                    h.collect(in.updateStateByKey(StateOperationsTest::sumAndCalls, 3, Map.of("c", Pair.of(10, 0))));
            h.run(4);
            assertEquals(Map.of(
                    1000L, List.of("(a,(1,1))", "(b,(2,1))", "(c,(10,1))"),
                    2000L, List.of("(a,(4,2))", "(b,(2,2))", "(c,(10,2))"),
                    3000L, List.of("(a,(4,3))", "(c,(10,3))"),
                    4000L, List.of("(a,(4,4))", "(c,(10,4))")), TestDriver.sorted(state));
        }
    }

    @Test
    void shouldFailTheBatchWhenTheUpdateFunctionReturnsNull() throws Exception {
        try (TestDriver h = new TestDriver(1)) {
            h.collect(h.pairs(List.of(List.of(Pair.of("a", 1))))
                    .updateStateByKey((List<Integer> v, Optional<Integer> s) -> null));
            h.context().start();
            h.clock().advance(1000);
            StreamingException e = assertThrows(StreamingException.class,
                    () -> h.context().awaitTerminationOrTimeout(10_000));
            assertTrue(e.getMessage().contains("updateStateByKey"), e.getMessage());
            assertTrue(e.getMessage().contains("returned null"), e.getMessage());
        }
    }

    private static String mood(String key, Optional<Integer> value, State<Integer> state) {
        if (state.isTimingOut()) {
            return key + ":timeout:" + state.get();
        }
        if (value.orElseThrow() == 0) {
            state.remove();
            return key + ":removed";
        }
        int sum = state.getOption().orElse(0) + value.get();
        state.update(sum);
        return key + "=" + sum;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void shouldMapWithStateTimingOutIdleKeysEveryBatch(int partitions) throws Exception {
        try (TestDriver h = new TestDriver(partitions)) {
            PairDStream<String, Integer> in = h.pairs(List.of(
                    List.of(Pair.of("a", 1), Pair.of("b", 2), Pair.of("a", 3)),
                    List.of(Pair.of("b", 1)),
                    List.of(Pair.of("b", 0)),
                    List.of(), List.of(), List.of(Pair.of("d", 5))));
            MapWithStateDStream<String, Integer, Integer, String> mapped = in.mapWithState(
                    StateSpec.function(StateOperationsTest::mood).timeout(Duration.ofSeconds(2))
                            .initialState(Map.of("c", 100)).numPartitions(partitions));
            Map<Long, List<String>> out = h.collect(mapped);
            Map<Long, List<Pair<String, Integer>>> snapshots = h.collect(mapped.stateSnapshots());
            h.run(6);
            assertEquals(Map.of(
                    1000L, List.of("a=1", "a=4", "b=2"),
                    2000L, List.of("b=3"),
                    3000L, List.of("b:removed"),
                    4000L, List.of("a:timeout:4", "c:timeout:100"),
                    5000L, List.of(),
                    6000L, List.of("d=5")), TestDriver.sorted(out));
            assertEquals(Map.of(
                    1000L, List.of("(a,4)", "(b,2)", "(c,100)"),
                    2000L, List.of("(a,4)", "(b,3)", "(c,100)"),
                    3000L, List.of("(a,4)", "(c,100)"),
                    4000L, List.of(),
                    5000L, List.of(),
                    6000L, List.of("(d,5)")), TestDriver.sorted(snapshots));
        }
    }

    @Test
    void shouldKeepPerKeyOrderOfRecordsInMapWithState() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            PairDStream<String, Integer> in = h.pairs(List.of(
                    List.of(Pair.of("a", 1), Pair.of("a", 2), Pair.of("a", 3), Pair.of("a", 4))));
            Map<Long, List<String>> out = h.collect(in.mapWithState(StateSpec.function(StateOperationsTest::mood)));
            h.run(1);
            assertEquals(List.of("a=1", "a=3", "a=6", "a=10"), out.get(1000L));
        }
    }

    @Test
    void shouldRefuseToChangeAStateThatIsTimingOut() {
        State<Integer> s = new State<>();
        s.reset(7, true, true);
        assertTrue(s.isTimingOut());
        assertEquals(7, s.get());
        assertEquals("Cannot update the state that is timing out",
                assertThrows(IllegalStateException.class, () -> s.update(8)).getMessage());
        assertEquals("Cannot remove the state that is timing out",
                assertThrows(IllegalStateException.class, s::remove).getMessage());
    }

    @Test
    void shouldReportMissingAndRemovedStates() {
        State<Integer> s = new State<>();
        s.reset(null, false, false);
        assertFalse(s.exists());
        assertEquals(Optional.empty(), s.getOption());
        assertThrows(NoSuchElementException.class, s::get);
        s.update(3);
        assertTrue(s.exists());
        s.remove();
        assertFalse(s.exists());
        assertEquals("Cannot update the state after it has been removed",
                assertThrows(IllegalStateException.class, () -> s.update(4)).getMessage());
    }

    @Test
    void shouldValidateStateSpecs() {
        StateSpec<String, Integer, Integer, String> spec = StateSpec.function(StateOperationsTest::mood);
        assertEquals("partitions must be >= 1: 0",
                assertThrows(IllegalArgumentException.class, () -> spec.numPartitions(0)).getMessage());
        assertEquals("timeout must be > 0 ms: 0",
                assertThrows(IllegalArgumentException.class, () -> spec.timeout(Duration.ofMillis(0))).getMessage());
        assertEquals(Optional.of(Duration.ofSeconds(3)), spec.timeout(Duration.ofSeconds(3)).timeout());
    }
}
