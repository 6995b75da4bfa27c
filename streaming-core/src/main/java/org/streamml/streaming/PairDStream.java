package org.streamml.streaming;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.streamml.streaming.function.FlatMapFunction;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function2;
import org.streamml.streaming.function.Predicate;

/**
 * A stream of key-value {@link Pair}s with the key-based operations. Per-batch operations hash-partition
 * by key ({@link PairBatch}); the default partition count is the parent's, except for joins and cogroup, which
 * use the context's default partition count as Spark does.
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

    /**
     * Per batch: the inner join with {@code other}'s batch at the same time (same slide required), one
     * {@code (k, (v, w))} per pair of values with the same key, in the context's default partition count
     * (Spark's default parallelism).
     */
    public <W> PairDStream<K, Pair<V, W>> join(PairDStream<K, W> other) {
        return join(other, context().defaultPartitions());
    }

    /** {@link #join(PairDStream)} hash-partitioned into {@code numPartitions} partitions. */
    public <W> PairDStream<K, Pair<V, W>> join(PairDStream<K, W> other, int numPartitions) {
        checkPartitions(numPartitions);
        return of(new JoinedDStream<>(this, other, "join", numPartitions, (a, b) -> a.join(b, numPartitions)));
    }

    /**
     * Per batch: the left outer join with {@code other}'s batch at the same time: every value of this
     * stream, with each matching value of {@code other} or {@link Optional#empty()}.
     */
    public <W> PairDStream<K, Pair<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
        return leftOuterJoin(other, context().defaultPartitions());
    }

    /** {@link #leftOuterJoin(PairDStream)} hash-partitioned into {@code numPartitions} partitions. */
    public <W> PairDStream<K, Pair<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other, int numPartitions) {
        checkPartitions(numPartitions);
        return of(new JoinedDStream<>(this, other, "leftOuterJoin", numPartitions,
                (a, b) -> a.leftOuterJoin(b, numPartitions)));
    }

    /**
     * Per batch: the right outer join with {@code other}'s batch at the same time: every value of
     * {@code other}, with each matching value of this stream or {@link Optional#empty()}.
     *
     * <pre>{@code
     * // clicks without a matching view get Optional.empty() as the view
     * PairDStream<String, Pair<Optional<View>, Click>> joined = views.rightOuterJoin(clicks);
     * }</pre>
     */
    public <W> PairDStream<K, Pair<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
        return rightOuterJoin(other, context().defaultPartitions());
    }

    /** {@link #rightOuterJoin(PairDStream)} hash-partitioned into {@code numPartitions} partitions. */
    public <W> PairDStream<K, Pair<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other, int numPartitions) {
        checkPartitions(numPartitions);
        return of(new JoinedDStream<>(this, other, "rightOuterJoin", numPartitions,
                (a, b) -> a.rightOuterJoin(b, numPartitions)));
    }

    /**
     * Per batch: the full outer join with {@code other}'s batch at the same time: every pair of matching
     * values, and every value without a match on the other side paired with {@link Optional#empty()}.
     */
    public <W> PairDStream<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
        return fullOuterJoin(other, context().defaultPartitions());
    }

    /** {@link #fullOuterJoin(PairDStream)} hash-partitioned into {@code numPartitions} partitions. */
    public <W> PairDStream<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other,
                                                                          int numPartitions) {
        checkPartitions(numPartitions);
        return of(new JoinedDStream<>(this, other, "fullOuterJoin", numPartitions,
                (a, b) -> a.fullOuterJoin(b, numPartitions)));
    }

    /**
     * Per batch: every key's values from this stream and from {@code other} (either list may be empty),
     * in the context's default partition count.
     */
    public <W> PairDStream<K, Pair<List<V>, List<W>>> cogroup(PairDStream<K, W> other) {
        return cogroup(other, context().defaultPartitions());
    }

    /** {@link #cogroup(PairDStream)} hash-partitioned into {@code numPartitions} partitions. */
    public <W> PairDStream<K, Pair<List<V>, List<W>>> cogroup(PairDStream<K, W> other, int numPartitions) {
        checkPartitions(numPartitions);
        return of(new JoinedDStream<>(this, other, "cogroup", numPartitions, (a, b) -> a.cogroup(b, numPartitions)));
    }

    // ------------------------------------------------------------------ windows by key

    /** Every {@code slide}, each key's values over the last {@code window}, oldest first. */
    public PairDStream<K, List<V>> groupByKeyAndWindow(Duration window, Duration slide) {
        return groupByKeyAndWindow(window, slide, numPartitions());
    }

    /** {@link #groupByKeyAndWindow(Duration, Duration)} into {@code numPartitions} partitions. */
    public PairDStream<K, List<V>> groupByKeyAndWindow(Duration window, Duration slide, int numPartitions) {
        return of(window(window, slide)).groupByKey(numPartitions);
    }

    /**
     * Every {@code slide}, each key's values over the last {@code window} reduced with an associative,
     * commutative {@code f}: reduced per batch, windowed, then reduced again.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration window, Duration slide) {
        return reduceByKeyAndWindow(f, window, slide, numPartitions());
    }

    /** {@link #reduceByKeyAndWindow(Function2, Duration, Duration)} into {@code numPartitions} partitions. */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration window, Duration slide,
                                                  int numPartitions) {
        return of(reduceByKey(f, numPartitions).window(window, slide)).reduceByKey(f, numPartitions);
    }

    /**
     * The incremental {@link #reduceByKeyAndWindow(Function2, Duration, Duration)}: each window's value per
     * key is the previous window's, with {@code inverse} removing the batches that left and {@code f}
     * adding those that entered. As in Spark, keys stay, even when back at "zero" (for a slide equal to
     * the window too: a key absent from a window keeps the value its previous window's batches were
     * inverted to); use the form with a filter to drop them. A slide longer than the window reduces each
     * window from its own batches, so only the keys present in it appear. Values must not be {@code null}.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Function2<V, V, V> inverse,
                                                  Duration window, Duration slide) {
        return reduceByKeyAndWindow(f, inverse, window, slide, numPartitions(), null);
    }

    /**
     * {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration)} into {@code numPartitions}
     * partitions, keeping only the pairs that pass {@code filter} (if not {@code null}) after each window.
     * As in Spark, a key dropped by the filter must not still have values in the window.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Function2<V, V, V> inverse,
                                                  Duration window, Duration slide, int numPartitions,
                                                  Predicate<Pair<K, V>> filter) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(inverse, "inverse");
        checkPartitions(numPartitions);
        WindowedDStream.checkWindow(this, window, slide);
        return of(new ReducedWindowedDStream<>(reduceByKey(f, numPartitions), f, inverse, window, slide,
                numPartitions, filter));
    }

    // ------------------------------------------------------------------ state

    /**
     * Keeps a state per key: each batch, {@code update(newValues, previousState)} runs for every key that
     * has state or new values (with an empty list when there are none); its result becomes the key's state,
     * and an empty result removes the key. Each batch holds the whole state as {@code (key, state)}.
     */
    public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> update) {
        return updateStateByKey(update, numPartitions(), Map.of());
    }

    /** {@link #updateStateByKey(Function2)} with the state in {@code numPartitions} partitions. */
    public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> update,
                                                  int numPartitions) {
        return updateStateByKey(update, numPartitions, Map.of());
    }

    /**
     * {@link #updateStateByKey(Function2)} with the state in {@code numPartitions} partitions, starting
     * from {@code initialState} (its keys get their first update in the first batch).
     */
    public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> update,
                                                  int numPartitions, Map<K, S> initialState) {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(initialState, "initialState");
        checkPartitions(numPartitions);
        return of(new StateDStream<>(this, update, numPartitions, initialState));
    }

    /**
     * Keeps a state per key and maps each record with it (Spark's {@code mapWithState}): the spec's
     * function is called once per record with the key, the value and the key's {@link State}. The result
     * holds the mapped values; {@link MapWithStateDStream#stateSnapshots()} gives the state itself.
     */
    public <S, U> MapWithStateDStream<K, V, S, U> mapWithState(StateSpec<K, V, S, U> spec) {
        return new MapWithStateDStream<>(this, Objects.requireNonNull(spec, "spec"));
    }

    private static void checkPartitions(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
    }
}
