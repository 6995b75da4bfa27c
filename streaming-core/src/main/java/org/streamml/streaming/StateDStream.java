package org.streamml.streaming;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.streamml.streaming.function.Function2;

/**
 * {@code updateStateByKey}: each batch, the update function runs for every key that has state or new
 * values (with an empty list when it has none), and its result replaces the key's state; an empty result
 * removes the key. Each batch's output is the whole state. State lives in per-operator
 * {@link KeyedState}, hash-partitioned by key and updated one task per partition.
 */
final class StateDStream<K, V, S> extends DStream<Pair<K, S>> {
    private final DStream<Pair<K, V>> parent;
    private final Function2<List<V>, Optional<S>, Optional<S>> update;
    private final int partitions;
    private final Map<K, S> initialState;
    private final KeyedState<K, S> state;

    StateDStream(DStream<Pair<K, V>> parent, Function2<List<V>, Optional<S>, Optional<S>> update,
                 int partitions, Map<K, S> initialState) {
        super(parent.context(), "updateStateByKey");
        this.parent = parent;
        this.update = update;
        this.partitions = partitions;
        this.initialState = Map.copyOf(initialState);
        this.state = new KeyedState<>(partitions, null);
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
    protected Optional<Batch<Pair<K, S>>> compute(Time time) {
        if (state.time() == null) {
            initialState.forEach(state::put);
        }
        PairBatch<K, List<V>> grouped = PairBatch.of(parent.batchAt(time)
                .orElseGet(() -> Batch.empty(time, 1, context().executor()))).groupByKey(partitions);
        List<List<Pair<K, S>>> out = context().executor().runTasks(partitions,
                r -> updatePartition(state.partition(r), grouped.partition(r), r));
        state.setTime(time);
        return Optional.of(new Batch<>(time, out, context().executor()));
    }

    private List<Pair<K, S>> updatePartition(Map<K, S> current, List<Pair<K, List<V>>> news, int r)
            throws Exception {
        Map<K, List<V>> pending = new LinkedHashMap<>();
        for (Pair<K, List<V>> kv : news) {
            pending.put(kv.key(), kv.value());
        }
        Iterator<Map.Entry<K, S>> it = current.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, S> e = it.next();
            List<V> values = pending.remove(e.getKey());
            Optional<S> next = call(values == null ? List.of() : values, Optional.of(e.getValue()));
            if (next.isPresent()) {
                e.setValue(next.get());
            } else {
                it.remove();
            }
        }
        for (Map.Entry<K, List<V>> e : pending.entrySet()) {
            call(e.getValue(), Optional.empty()).ifPresent(s -> current.put(e.getKey(), s));
        }
        return state.pairs(r);
    }

    private Optional<S> call(List<V> values, Optional<S> previous) throws Exception {
        Optional<S> next = update.call(values, previous);
        if (next == null) {
            throw new IllegalStateException("the update function returned null; return Optional.empty() to"
                    + " remove a key");
        }
        return next;
    }
}
