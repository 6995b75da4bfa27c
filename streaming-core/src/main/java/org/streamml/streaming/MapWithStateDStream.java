package org.streamml.streaming;

import java.util.ArrayList;
import java.util.Iterator;
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

    /** A key's state with the time of the batch that last brought a record for it. */
    private static final class Entry<S> {
        S value;
        long touched;

        Entry(S value, long touched) {
            this.value = value;
            this.touched = touched;
        }
    }

    private final DStream<Pair<K, V>> parent;
    private final Function4<Time, K, Optional<V>, State<S>, Optional<U>> function;
    private final Map<K, S> initialState;
    private final long timeoutMillis;
    private final int partitions;
    private final KeyedState<K, Entry<S>> state;
    private volatile boolean snapshotsWanted;
    private volatile Batch<Pair<K, S>> lastSnapshot;

    MapWithStateDStream(DStream<Pair<K, V>> parent, StateSpec<K, V, S, U> spec) {
        super(parent.context(), "mapWithState");
        this.parent = parent;
        this.function = spec.function();
        this.initialState = spec.initialState();
        this.timeoutMillis = spec.timeout().map(Duration::millis).orElse(-1L);
        this.partitions = spec.numPartitions() > 0 ? spec.numPartitions() : parent.numPartitions();
        this.state = new KeyedState<>(partitions, null);
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

    @Override
    protected Optional<Batch<U>> compute(Time time) {
        if (state.time() == null) {
            initialState.forEach((k, s) -> state.put(k, new Entry<>(s, time.millis())));
        }
        PairBatch<K, V> input = PairBatch.of(parent.batchAt(time)
                .orElseGet(() -> Batch.empty(time, 1, context().executor()))).partitionBy(partitions);
        List<List<U>> out = context().executor().runTasks(partitions,
                r -> mapPartition(state.partition(r), input.partition(r), time));
        state.setTime(time);
        if (snapshotsWanted) {
            List<List<Pair<K, S>>> parts = new ArrayList<>(partitions);
            for (int r = 0; r < partitions; r++) {
                List<Pair<K, S>> p = new ArrayList<>(state.partition(r).size());
                state.partition(r).forEach((k, e) -> p.add(Pair.of(k, e.value)));
                parts.add(p);
            }
            lastSnapshot = new Batch<>(time, parts, context().executor());
        }
        return Optional.of(new Batch<>(time, out, context().executor()));
    }

    private List<U> mapPartition(Map<K, Entry<S>> current, List<Pair<K, V>> records, Time time)
            throws Exception {
        List<U> out = new ArrayList<>(records.size());
        State<S> st = new State<>();
        long now = time.millis();
        for (Pair<K, V> kv : records) {
            Entry<S> e = current.get(kv.key());
            st.reset(e == null ? null : e.value, e != null, false);
            function.call(time, kv.key(), Optional.ofNullable(kv.value()), st).ifPresent(out::add);
            if (st.isRemoved()) {
                current.remove(kv.key());
            } else if (st.isUpdated()) {
                if (e == null) {
                    current.put(kv.key(), new Entry<>(st.get(), now));
                } else {
                    e.value = st.get();
                    e.touched = now;
                }
            } else if (e != null) {
                e.touched = now;
            }
        }
        if (timeoutMillis > 0) {
            Iterator<Map.Entry<K, Entry<S>>> it = current.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<K, Entry<S>> me = it.next();
                if (now - me.getValue().touched > timeoutMillis) {
                    st.reset(me.getValue().value, true, true);
                    function.call(time, me.getKey(), Optional.empty(), st).ifPresent(out::add);
                    it.remove();
                }
            }
        }
        return out;
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
