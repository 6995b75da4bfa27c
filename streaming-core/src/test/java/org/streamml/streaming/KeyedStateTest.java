package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedStateTest {

    @Test
    void shouldPutEachKeyInItsHashPartitionAndSnapshotACopy() {
        KeyedState<Integer, String> state = new KeyedState<>(3);
        for (int k = -4; k <= 4; k++) {
            state.put(k, "v" + k);
        }
        state.put(null, "none");
        List<Map<Integer, String>> snapshot = state.snapshot();
        for (int r = 0; r < 3; r++) {
            for (Integer k : snapshot.get(r).keySet()) {
                assertEquals(PairBatch.partitionOf(k, 3), r);
            }
        }
        assertEquals(10, snapshot.stream().mapToInt(Map::size).sum());
        state.partition(0).clear();
        assertEquals("none", snapshot.get(0).get(null), "a snapshot does not change with the state");
        assertEquals(List.of(), state.pairs(0));
    }
}
