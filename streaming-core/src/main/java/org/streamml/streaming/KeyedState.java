package org.streamml.streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-key values hash-partitioned by key into P maps ({@link PairBatch#partitionOf}), as the stateful
 * operators partition their initial state.
 *
 * @param <K> key type
 * @param <S> state type
 */
final class KeyedState<K, S> {
    private final List<Map<K, S>> partitions;

    /** Empty state in {@code numPartitions} partitions. */
    KeyedState(int numPartitions) {
        this.partitions = new ArrayList<>(numPartitions);
        for (int i = 0; i < numPartitions; i++) {
            partitions.add(new LinkedHashMap<>());
        }
    }

    int numPartitions() {
        return partitions.size();
    }

    /** The mutable map of partition {@code index}; only that partition's task may touch it. */
    Map<K, S> partition(int index) {
        return partitions.get(index);
    }

    /** Adds {@code key -> value} to the partition that owns the key. */
    void put(K key, S value) {
        partitions.get(PairBatch.partitionOf(key, partitions.size())).put(key, value);
    }

    /** A copy of every partition's map. */
    List<Map<K, S>> snapshot() {
        List<Map<K, S>> copy = new ArrayList<>(partitions.size());
        for (Map<K, S> p : partitions) {
            copy.add(new LinkedHashMap<>(p));
        }
        return copy;
    }

    /** The pairs of partition {@code index} in its iteration order, as a new list. */
    List<Pair<K, S>> pairs(int index) {
        Map<K, S> p = partitions.get(index);
        List<Pair<K, S>> out = new ArrayList<>(p.size());
        p.forEach((k, s) -> out.add(Pair.of(k, s)));
        return out;
    }
}
