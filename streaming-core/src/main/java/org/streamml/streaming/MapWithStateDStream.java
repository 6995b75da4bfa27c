package org.streamml.streaming;

import java.time.Duration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.streamml.streaming.function.Function4;

/**
 * The stream made by {@link PairDStream#mapWithState}: the values the mapping function returned, one
 * batch per parent batch, with the per-key state available through {@link #stateSnapshots()}.
 *
 * <p>The function is called once per record, in arrival order, only for keys that have records in the
 * batch; then, if a timeout is set, once more for every key idle for longer than the timeout (no record
 * since), with an empty value and {@link State#isTimingOut()} true, after which the key is removed.
 *
 * <p><b>Difference from Spark:</b> Spark looks for idle keys only in batches where the state is
 * checkpointed (by default every tenth batch), so its timeouts fire late and at checkpoint times. This
 * engine looks every batch, so a key times out in the first batch more than the timeout after its last
 * record.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 * @param <U> mapped type
 */
public final class MapWithStateDStream<K, V, S, U> extends DStream<U> {

    /**
     * A key's state with the time of the batch that last brought a record for it: the records of the
     * kept state partitions.
     */
    record StateEntry<K, S>(K key, S value, long touched) {
    }

    private final DStream<Pair<K, V>> parent;
    private final Function4<Time, K, Optional<V>, State<S>, Optional<U>> function;
    private final Map<K, S> initialState;
    private final long timeoutMillis;
    private final int partitions;
    private List<List<StateEntry<K, S>>> state;
    private long batches;
    private volatile boolean snapshotsWanted;
    private volatile Batch<Pair<K, S>> lastSnapshot;

    MapWithStateDStream(DStream<Pair<K, V>> parent, StateSpec<K, V, S, U> spec) {
        super(parent.context(), "mapWithState");
        this.parent = parent;
        this.function = spec.function();
        this.initialState = spec.initialState();
        this.timeoutMillis = spec.timeout().map(Duration::toMillis).orElse(-1L);
        this.partitions = spec.numPartitions() > 0 ? spec.numPartitions() : parent.numPartitions();
    }

    /** The mapping function, which runs in partition tasks. */
    Function4<Time, K, Optional<V>, State<S>, Optional<U>> function() {
        return function;
    }

    /** Every key's state after each batch, as {@code (key, state)} pairs. */
    public PairDStream<K, S> stateSnapshots() {
        snapshotsWanted = true;
        return PairDStream.of(new SnapshotDStream());
    }

    @Override
    public Duration slideDuration() {
        return parent.slideDuration();
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of(parent);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    /**
     * Partition r of the batch is one task of (the state partition r of the previous batch, the batch's
     * records for the keys of r), run where the state partition is (on a cluster, a worker); its result
     * holds the mapped values and the new state partition, which stay there as two partitions. The state
     * is checkpointed to the driver every {@link StateDStream#CHECKPOINT_EVERY} batches.
     */
    @Override
    protected Optional<Batch<U>> compute(Time time) {
        BatchExecutor executor = context().executor();
        if (state == null) {
            KeyedState<K, StateEntry<K, S>> initial = new KeyedState<>(partitions);
            initialState.forEach((k, s) -> initial.put(k, new StateEntry<>(k, s, time.millis())));
            state = new ArrayList<>(partitions);
            for (int r = 0; r < partitions; r++) {
                state.add(new ArrayList<>(initial.partition(r).values()));
            }
        }
        PairBatch<K, V> input = PairBatch.of(parent.batchAt(time)
                .orElseGet(() -> Batch.empty(time, 1, executor))).partitionBy(partitions);
        List<Pair<List<StateEntry<K, S>>, List<Pair<K, V>>>> inputs = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            inputs.add(Pair.of(state.get(r), input.partition(r)));
        }
        Function4<Time, K, Optional<V>, State<S>, Optional<U>> fn = function;
        long timeout = timeoutMillis;
        List<List<List<?>>> results = executor.computePartitions(inputs,
                in -> mapPartition(in.key(), in.value(), time, fn, timeout));
        @SuppressWarnings("unchecked")
        List<List<U>> mapped = executor.computePartitions(results, both -> (List<U>) both.get(0));
        @SuppressWarnings("unchecked")
        List<List<StateEntry<K, S>>> next = executor.computePartitions(results,
                both -> (List<StateEntry<K, S>>) both.get(1));
        if (++batches % StateDStream.CHECKPOINT_EVERY == 0) {
            next = StateDStream.checkpoint(context(), next);
        }
        state = next;
        if (snapshotsWanted) {
            lastSnapshot = new Batch<>(time, executor.computePartitions(next, entries -> {
                List<Pair<K, S>> pairs = new ArrayList<>(entries.size());
                for (StateEntry<K, S> e : entries) {
                    pairs.add(Pair.of(e.key(), e.value()));
                }
                return pairs;
            }), executor);
        }
        return Optional.of(new Batch<>(time, mapped, executor));
    }

    @Override
    Object checkpointState() {
        return state == null ? null : List.of(batches, StateDStream.checkpoint(context(), state));
    }

    @Override
    @SuppressWarnings("unchecked")
    void restoreCheckpointState(Object saved) {
        List<?> s = (List<?>) saved;
        batches = (Long) s.get(0);
        state = (List<List<StateEntry<K, S>>>) s.get(1);
    }

    /** One partition's batch: {@code [mapped values, new state entries]}. */
    private static <K, V, S, U> List<List<?>> mapPartition(List<StateEntry<K, S>> previous,
                                                        List<Pair<K, V>> records, Time time,
                                                        Function4<Time, K, Optional<V>, State<S>, Optional<U>> fn,
                                                        long timeoutMillis) throws Exception {
        Map<K, StateEntry<K, S>> current = new LinkedHashMap<>();
        for (StateEntry<K, S> e : previous) {
            current.put(e.key(), e);
        }
        List<U> out = new ArrayList<>(records.size());
        State<S> st = new State<>();
        long now = time.millis();
        for (Pair<K, V> kv : records) {
            StateEntry<K, S> e = current.get(kv.key());
            st.reset(e == null ? null : e.value(), e != null, false);
            fn.call(time, kv.key(), Optional.ofNullable(kv.value()), st).ifPresent(out::add);
            if (st.isRemoved()) {
                current.remove(kv.key());
            } else if (st.isUpdated()) {
                current.put(kv.key(), new StateEntry<>(kv.key(), st.get(), now));
            } else if (e != null) {
                current.put(kv.key(), new StateEntry<>(kv.key(), e.value(), now));
            }
        }
        if (timeoutMillis > 0) {
            Iterator<StateEntry<K, S>> it = current.values().iterator();
            while (it.hasNext()) {
                StateEntry<K, S> e = it.next();
                if (now - e.touched() > timeoutMillis) {
                    st.reset(e.value(), true, true);
                    fn.call(time, e.key(), Optional.empty(), st).ifPresent(out::add);
                    it.remove();
                }
            }
        }
        return List.of(out, new ArrayList<>(current.values()));
    }

    /** The state after each batch of the enclosing stream. */
    private final class SnapshotDStream extends DStream<Pair<K, S>> {
        SnapshotDStream() {
            super(MapWithStateDStream.this.context(), "stateSnapshots");
        }

        @Override
        public Duration slideDuration() {
            return MapWithStateDStream.this.slideDuration();
        }

        @Override
        public List<DStream<?>> dependencies() {
            return List.of(MapWithStateDStream.this);
        }

        @Override
        protected Optional<Batch<Pair<K, S>>> compute(Time time) {
            MapWithStateDStream.this.batchAt(time);
            Batch<Pair<K, S>> snap = lastSnapshot;
            if (snap == null || !snap.time().equals(time)) {
                throw new IllegalStateException("no state snapshot for " + time + "; snapshots are kept only for"
                        + " the latest batch");
            }
            return Optional.of(snap);
        }
    }
}
