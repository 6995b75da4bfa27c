package org.streamml.streaming;

import java.util.List;
import java.util.Optional;
import org.streamml.streaming.function.FlatMapFunction;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function2;

/**
 * A stream of key-value {@link Pair}s with the key-based operations. Per-batch operations hash-partition
 * by key ({@link PairBatch}); the default partition count is the parent's.
 *
 * <pre>{@code
 * PairDStream<String, Long> counts = words.mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PairDStream<K, V> extends DStream<Pair<K, V>> {
    private final DStream<Pair<K, V>> inner;

    private PairDStream(DStream<Pair<K, V>> inner) {
        super(inner.context(), "pairs");
        this.inner = inner;
    }

    /** Views a stream of pairs as a {@code PairDStream}. */
    public static <K, V> PairDStream<K, V> of(DStream<Pair<K, V>> stream) {
        return stream instanceof PairDStream<K, V> p ? p : new PairDStream<>(stream);
    }

    @Override
    public Duration slideDuration() {
        return inner.slideDuration();
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of(inner);
    }

    @Override
    protected Optional<Batch<Pair<K, V>>> compute(Time time) {
        return inner.batchAt(time).map(PairBatch::of);
    }

    /** Each batch viewed as a {@link PairBatch}. */
    private <R> DStream<R> perBatch(String operation, Function<PairBatch<K, V>, Batch<R>> f, int partitions) {
        return new TransformedDStream<>(this, operation, b -> f.call(PairBatch.of(b)), partitions);
    }

    private <K2, V2> PairDStream<K2, V2> perBatchPairs(String operation,
                                                       Function<PairBatch<K, V>, Batch<Pair<K2, V2>>> f,
                                                       int partitions) {
        return of(perBatch(operation, f, partitions));
    }

    /** Per batch: the reduction of each key's values with an associative, commutative {@code f}. */
    public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
        return reduceByKey(f, numPartitions());
    }

    /** {@link #reduceByKey(Function2)} into {@code numPartitions} partitions. */
    public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        return perBatchPairs("reduceByKey", b -> b.reduceByKey(f, numPartitions), numPartitions);
    }

    /** Per batch: each key's values in arrival order. */
    public PairDStream<K, List<V>> groupByKey() {
        return groupByKey(numPartitions());
    }

    /** {@link #groupByKey()} into {@code numPartitions} partitions. */
    public PairDStream<K, List<V>> groupByKey(int numPartitions) {
        return perBatchPairs("groupByKey", b -> b.groupByKey(numPartitions), numPartitions);
    }

    /** Per batch: Spark's {@code combineByKey} (see {@link PairBatch#combineByKey}). */
    public <C> PairDStream<K, C> combineByKey(Function<V, C> create, Function2<C, V, C> mergeValue,
                                              Function2<C, C, C> mergeCombiners, int numPartitions) {
        return perBatchPairs("combineByKey",
                b -> b.combineByKey(create, mergeValue, mergeCombiners, numPartitions), numPartitions);
    }

    /** Applies {@code f} to each value, keeping the key. */
    public <W> PairDStream<K, W> mapValues(Function<V, W> f) {
        return perBatchPairs("mapValues", b -> b.mapValues(f), -1);
    }

    /** Replaces each value by zero or more values, keeping the key. */
    public <W> PairDStream<K, W> flatMapValues(FlatMapFunction<V, W> f) {
        return perBatchPairs("flatMapValues", b -> b.flatMapValues(f), -1);
    }

    /** Per batch: the inner join with {@code other}'s batch at the same time (same slide required). */
    public <W> PairDStream<K, Pair<V, W>> join(PairDStream<K, W> other) {
        return of(new JoinedDStream<>(this, other, "join", (a, b) -> a.join(b)));
    }

    /** Per batch: the left outer join with {@code other}'s batch at the same time. */
    public <W> PairDStream<K, Pair<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
        return of(new JoinedDStream<>(this, other, "leftOuterJoin", (a, b) -> a.leftOuterJoin(b)));
    }

    /** Per batch: every key's values from this stream and from {@code other}. */
    public <W> PairDStream<K, Pair<List<V>, List<W>>> cogroup(PairDStream<K, W> other) {
        return of(new JoinedDStream<>(this, other, "cogroup", (a, b) -> a.cogroup(b)));
    }
}
