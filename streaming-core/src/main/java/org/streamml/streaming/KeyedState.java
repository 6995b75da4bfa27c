package org.streamml.streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-key state of one stateful operator, hash-partitioned by key into P maps so that partitions
 * update in parallel, each touched by one task only. The operator that owns it is identified by its
 * stream's {@link DStream#id()}, so a checkpoint can save ({@link #snapshot}) and restore it by identity.
 *
 * @param <K> key type
 * @param <S> state type
 */
final class KeyedState<K, S> {
    private final List<Map<K, S>> partitions;
    private Time time;

    /** Empty state in {@code numPartitions} partitions, as of {@code time} (may be {@code null}). */
    KeyedState(int numPartitions, Time time) {
        this.partitions = new ArrayList<>(numPartitions);
        for (int i = 0; i < numPartitions; i++) {
            partitions.add(new LinkedHashMap<>());
        }
        this.time = time;
    }

    int numPartitions() {
        return partitions.size();
    }

    /** The mutable map of partition {@code index}; only that partition's task may touch it. */
    Map<K, S> partition(int index) {
        return partitions.get(index);
    }

    /** The batch time the state reflects; {@code null} before the first batch. */
    Time time() {
        return time;
    }

    void setTime(Time t) {
        time = t;
    }

    /** Adds {@code key -> value} to the partition that owns the key. */
    void put(K key, S value) {
        partitions.get(PairBatch.partitionOf(key, partitions.size())).put(key, value);
    }

    /** Removes every key. */
    void clear() {
        partitions.forEach(Map::clear);
    }

    /** A copy of every partition's map, for checkpoints and tests. */
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
