package org.streamml.streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.streamml.streaming.function.FlatMapFunction;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function2;

/**
 * A batch of key-value pairs with the key-based operations. Wide operations hash-partition by key
 * ({@code floorMod(key.hashCode(), P)}, a {@code null} key going to partition 0): each input partition
 * first combines its own values per key (map-side combine), then each output partition merges the
 * buckets it owns from every input partition, in input-partition order, so results are deterministic.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PairBatch<K, V> extends Batch<Pair<K, V>> {

    private PairBatch(Batch<Pair<K, V>> batch) {
        super(batch.time(), batch.partitions(), batch.executor());
    }

    /** Views a batch of pairs as a {@code PairBatch}. */
    public static <K, V> PairBatch<K, V> of(Batch<Pair<K, V>> batch) {
        return batch instanceof PairBatch<K, V> pb ? pb : new PairBatch<>(batch);
    }

    /** The partition that owns {@code key} among {@code numPartitions}. */
    public static int partitionOf(Object key, int numPartitions) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), numPartitions);
    }

    /**
     * The general per-key aggregation (Spark's {@code combineByKey}): {@code create} turns a key's first
     * value into a combiner, {@code mergeValue} adds a value to it, {@code mergeCombiners} merges two.
     */
    public <C> PairBatch<K, C> combineByKey(Function<V, C> create, Function2<C, V, C> mergeValue,
                                            Function2<C, C, C> mergeCombiners, int numPartitions) {
        checkPartitions(numPartitions);
        // Map side: one bucket map per output partition; reduce side: output partition r merges bucket r of
        // every input partition, in order.
        List<List<Pair<K, C>>> merged = executor().<List<Pair<K, V>>, Map<K, C>, Pair<K, C>>shuffle(partitions(),
                part -> {
                    List<Map<K, C>> out = new ArrayList<>(numPartitions);
                    for (int r = 0; r < numPartitions; r++) {
                        out.add(new LinkedHashMap<>());
                    }
                    for (Pair<K, V> kv : part) {
                        Map<K, C> bucket = out.get(partitionOf(kv.key(), numPartitions));
                        C c = bucket.get(kv.key());
                        bucket.put(kv.key(), c == null && !bucket.containsKey(kv.key())
                                ? create.call(kv.value()) : mergeValue.call(c, kv.value()));
                    }
                    return out;
                }, numPartitions, owned -> {
                    Map<K, C> acc = new LinkedHashMap<>();
                    for (Map<K, C> bucket : owned) {
                        for (Map.Entry<K, C> e : bucket.entrySet()) {
                            if (acc.containsKey(e.getKey())) {
                                acc.put(e.getKey(), mergeCombiners.call(acc.get(e.getKey()), e.getValue()));
                            } else {
                                acc.put(e.getKey(), e.getValue());
                            }
                        }
                    }
                    List<Pair<K, C>> out = new ArrayList<>(acc.size());
                    acc.forEach((k, c) -> out.add(Pair.of(k, c)));
                    return out;
                });
        return new PairBatch<>(new Batch<>(time(), merged, executor()));
    }

    /**
     * The same pairs hash-partitioned by key into {@code numPartitions}, each output partition holding
     * its pairs in arrival order (input partition by input partition).
     */
    public PairBatch<K, V> partitionBy(int numPartitions) {
        checkPartitions(numPartitions);
        List<List<Pair<K, V>>> merged = executor().<List<Pair<K, V>>, List<Pair<K, V>>, Pair<K, V>>shuffle(
                partitions(), part -> {
                    List<List<Pair<K, V>>> out = new ArrayList<>(numPartitions);
                    for (int r = 0; r < numPartitions; r++) {
                        out.add(new ArrayList<>(numPartitions == 1 ? part.size() : part.size() / numPartitions + 16));
                    }
                    for (Pair<K, V> kv : part) {
                        out.get(partitionOf(kv.key(), numPartitions)).add(kv);
                    }
                    return out;
                }, numPartitions, owned -> {
                    int size = 0;
                    for (List<Pair<K, V>> bucket : owned) {
                        size += bucket.size();
                    }
                    List<Pair<K, V>> out = new ArrayList<>(size);
                    for (List<Pair<K, V>> bucket : owned) {
                        out.addAll(bucket);
                    }
                    return out;
                });
        return new PairBatch<>(new Batch<>(time(), merged, executor()));
    }

    /** Reduces the values of each key with an associative, commutative {@code f}. */
    public PairBatch<K, V> reduceByKey(Function2<V, V, V> f) {
        return reduceByKey(f, numPartitions());
    }

    /** Reduces the values of each key with {@code f} into {@code numPartitions} partitions. */
    public PairBatch<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        return combineByKey(v -> v, f, f, numPartitions);
    }

    /** Groups the values of each key, in arrival order. */
    public PairBatch<K, List<V>> groupByKey() {
        return groupByKey(numPartitions());
    }

    /** Groups the values of each key into {@code numPartitions} partitions. */
    public PairBatch<K, List<V>> groupByKey(int numPartitions) {
        return combineByKey(v -> {
            List<V> l = new ArrayList<>();
            l.add(v);
            return l;
        }, (l, v) -> {
            l.add(v);
            return l;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }, numPartitions);
    }

    /** Applies {@code f} to each value, keeping keys and partitions. */
    public <W> PairBatch<K, W> mapValues(Function<V, W> f) {
        return of(map(kv -> Pair.of(kv.key(), f.call(kv.value()))));
    }

    /** Replaces each value by zero or more values, keeping the key. */
    public <W> PairBatch<K, W> flatMapValues(FlatMapFunction<V, W> f) {
        return of(flatMap(kv -> {
            List<Pair<K, W>> out = new ArrayList<>();
            for (W w : f.call(kv.value())) {
                out.add(Pair.of(kv.key(), w));
            }
            return out;
        }));
    }

    /** The keys. */
    public Batch<K> keys() {
        return map(Pair::key);
    }

    /** The values. */
    public Batch<V> values() {
        return map(Pair::value);
    }

    /**
     * For every key of either batch, the values from this batch and from {@code other} (either list may
     * be empty), hash-partitioned into {@code numPartitions}.
     */
    public <W> PairBatch<K, Pair<List<V>, List<W>>> cogroup(PairBatch<K, W> other, int numPartitions) {
        PairBatch<K, Tagged> tagged = of(this.mapValues(v -> new Tagged(true, v))
                .union(other.mapValues(w -> new Tagged(false, w))));
        // Each side's values keep their arrival order; a tagged pair says which side a value came from.
        PairBatch<K, Pair<List<V>, List<W>>> grouped = tagged.combineByKey(t -> {
            Pair<List<V>, List<W>> p = Pair.of(new ArrayList<>(), new ArrayList<>());
            add(p, t);
            return p;
        }, (p, t) -> {
            add(p, t);
            return p;
        }, (a, b) -> {
            a.key().addAll(b.key());
            a.value().addAll(b.value());
            return a;
        }, numPartitions);
        return grouped;
    }

    /** {@link #cogroup(PairBatch, int)} into this batch's partition count. */
    public <W> PairBatch<K, Pair<List<V>, List<W>>> cogroup(PairBatch<K, W> other) {
        return cogroup(other, numPartitions());
    }

    /** A value of a cogroup, marked with the side it came from. */
    private record Tagged(boolean left, Object value) implements java.io.Serializable {
    }

    @SuppressWarnings("unchecked")
    private static <V, W> void add(Pair<List<V>, List<W>> p, Tagged tagged) {
        if (tagged.left()) {
            p.key().add((V) tagged.value());
        } else {
            p.value().add((W) tagged.value());
        }
    }

    /** Inner join: one {@code (k, (v, w))} for every pair of values with the same key on both sides. */
    public <W> PairBatch<K, Pair<V, W>> join(PairBatch<K, W> other) {
        return join(other, numPartitions());
    }

    /** Inner join into {@code numPartitions} partitions. */
    public <W> PairBatch<K, Pair<V, W>> join(PairBatch<K, W> other, int numPartitions) {
        return cogroup(other, numPartitions).flatMapValues(g -> {
            List<Pair<V, W>> out = new ArrayList<>();
            for (V v : g.key()) {
                for (W w : g.value()) {
                    out.add(Pair.of(v, w));
                }
            }
            return out;
        });
    }

    /** Left outer join: every value of this batch, with each matching value of {@code other} or empty. */
    public <W> PairBatch<K, Pair<V, Optional<W>>> leftOuterJoin(PairBatch<K, W> other) {
        return leftOuterJoin(other, numPartitions());
    }

    /** Left outer join into {@code numPartitions} partitions. */
    public <W> PairBatch<K, Pair<V, Optional<W>>> leftOuterJoin(PairBatch<K, W> other, int numPartitions) {
        return cogroup(other, numPartitions).flatMapValues(g -> {
            List<Pair<V, Optional<W>>> out = new ArrayList<>();
            for (V v : g.key()) {
                if (g.value().isEmpty()) {
                    out.add(Pair.of(v, Optional.empty()));
                }
                for (W w : g.value()) {
                    out.add(Pair.of(v, Optional.of(w)));
                }
            }
            return out;
        });
    }

    /** Right outer join: every value of {@code other}, with each matching value of this batch or empty. */
    public <W> PairBatch<K, Pair<Optional<V>, W>> rightOuterJoin(PairBatch<K, W> other) {
        return rightOuterJoin(other, numPartitions());
    }

    /** Right outer join into {@code numPartitions} partitions. */
    public <W> PairBatch<K, Pair<Optional<V>, W>> rightOuterJoin(PairBatch<K, W> other, int numPartitions) {
        return cogroup(other, numPartitions).flatMapValues(g -> {
            List<Pair<Optional<V>, W>> out = new ArrayList<>();
            if (g.key().isEmpty()) {
                for (W w : g.value()) {
                    out.add(Pair.of(Optional.empty(), w));
                }
            }
            for (V v : g.key()) {
                for (W w : g.value()) {
                    out.add(Pair.of(Optional.of(v), w));
                }
            }
            return out;
        });
    }

    /**
     * Full outer join: every pair of matching values, and each value without a match on the other side
     * paired with empty.
     */
    public <W> PairBatch<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairBatch<K, W> other) {
        return fullOuterJoin(other, numPartitions());
    }

    /** Full outer join into {@code numPartitions} partitions. */
    public <W> PairBatch<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairBatch<K, W> other,
                                                                         int numPartitions) {
        return cogroup(other, numPartitions).flatMapValues(g -> {
            List<Pair<Optional<V>, Optional<W>>> out = new ArrayList<>();
            if (g.value().isEmpty()) {
                for (V v : g.key()) {
                    out.add(Pair.of(Optional.of(v), Optional.empty()));
                }
            } else if (g.key().isEmpty()) {
                for (W w : g.value()) {
                    out.add(Pair.of(Optional.empty(), Optional.of(w)));
                }
            } else {
                for (V v : g.key()) {
                    for (W w : g.value()) {
                        out.add(Pair.of(Optional.of(v), Optional.of(w)));
                    }
                }
            }
            return out;
        });
    }

    private static void checkPartitions(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
    }
}
