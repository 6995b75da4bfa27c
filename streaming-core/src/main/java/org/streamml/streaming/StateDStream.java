package org.streamml.streaming;

import java.time.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.streamml.streaming.function.Function2;

/**
 * {@code updateStateByKey}: each batch, the update function runs for every key that has state or new
 * values (with an empty list when it has none), and its result replaces the key's state; an empty result
 * removes the key. Each batch's output is the whole state, hash-partitioned by key, and it is also the
 * state the next batch updates: partition r of batch t is one task of (partition r of batch t-1's state,
 * the batch's values for the keys of r), so on a cluster the state stays on the workers. Every
 * {@link #CHECKPOINT_EVERY} batches the driver reads the state ({@link DistributedExecutor#checkpoint}), which
 * bounds how far back a lost state partition is recomputed.
 */
final class StateDStream<K, V, S> extends DStream<Pair<K, S>> {
    /** How many batches pass between two checkpoints of the state. */
    static final int CHECKPOINT_EVERY = 10;

    private final DStream<Pair<K, V>> parent;
    private final Function2<List<V>, Optional<S>, Optional<S>> update;
    private final int partitions;
    private final Map<K, S> initialState;
    private List<List<Pair<K, S>>> state;
    private long batches;

    StateDStream(DStream<Pair<K, V>> parent, Function2<List<V>, Optional<S>, Optional<S>> update,
                 int partitions, Map<K, S> initialState) {
        super(parent.context(), "updateStateByKey");
        this.parent = parent;
        this.update = update;
        this.partitions = partitions;
        this.initialState = Map.copyOf(initialState);
    }

    /** The update function, which runs in partition tasks. */
    Function2<List<V>, Optional<S>, Optional<S>> update() {
        return update;
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
        if (state == null) {
            KeyedState<K, S> initial = new KeyedState<>(partitions);
            initialState.forEach(initial::put);
            state = new ArrayList<>(partitions);
            for (int r = 0; r < partitions; r++) {
                state.add(initial.pairs(r));
            }
        }
        PairBatch<K, List<V>> grouped = PairBatch.of(parent.batchAt(time)
                .orElseGet(() -> Batch.empty(time, 1, context().executor()))).groupByKey(partitions);
        List<Pair<List<Pair<K, S>>, List<Pair<K, List<V>>>>> inputs = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            inputs.add(Pair.of(state.get(r), grouped.partition(r)));
        }
        Function2<List<V>, Optional<S>, Optional<S>> f = update;
        List<List<Pair<K, S>>> next = context().executor().computePartitions(inputs,
                in -> updatePartition(in.key(), in.value(), f));
        if (++batches % CHECKPOINT_EVERY == 0) {
            next = checkpoint(context(), next);
        }
        state = next;
        return Optional.of(new Batch<>(time, next, context().executor()));
    }

    @Override
    Object checkpointState() {
        return state == null ? null : List.of(batches, checkpoint(context(), state));
    }

    @Override
    @SuppressWarnings("unchecked")
    void restoreCheckpointState(Object saved) {
        List<?> s = (List<?>) saved;
        batches = (Long) s.get(0);
        state = (List<List<Pair<K, S>>>) s.get(1);
    }

    /**
     * {@code partitions} with their lineage cut on the driver when the context's executor keeps partitions
     * elsewhere ({@link DistributedExecutor#checkpoint}); as they are otherwise (local partitions are never
     * recomputed).
     */
    static <T> List<List<T>> checkpoint(StreamingContext context, List<List<T>> partitions) {
        DistributedExecutor distributed = context.distributed();
        return distributed == null ? partitions : distributed.checkpoint(partitions);
    }

    /**
     * The new state of one partition: the previous keys in their order (updated, or dropped when the
     * function returns empty), then the new keys in arrival order.
     */
    private static <K, V, S> List<Pair<K, S>> updatePartition(List<Pair<K, S>> previous,
                                                             List<Pair<K, List<V>>> news,
                                                             Function2<List<V>, Optional<S>, Optional<S>> update)
            throws Exception {
        Map<K, List<V>> pending = new LinkedHashMap<>();
        for (Pair<K, List<V>> kv : news) {
            pending.put(kv.key(), kv.value());
        }
        List<Pair<K, S>> out = new ArrayList<>(previous.size() + pending.size());
        for (Pair<K, S> e : previous) {
            List<V> values = pending.remove(e.key());
            call(update, values == null ? List.of() : values, Optional.of(e.value()))
                    .ifPresent(s -> out.add(Pair.of(e.key(), s)));
        }
        for (Map.Entry<K, List<V>> e : pending.entrySet()) {
            call(update, e.getValue(), Optional.empty()).ifPresent(s -> out.add(Pair.of(e.getKey(), s)));
        }
        return out;
    }

    private static <V, S> Optional<S> call(Function2<List<V>, Optional<S>, Optional<S>> update, List<V> values,
                                           Optional<S> previous) throws Exception {
        Optional<S> next = update.call(values, previous);
        if (next == null) {
            throw new IllegalStateException("the update function returned null; return Optional.empty() to"
                    + " remove a key");
        }
        return next;
    }
}
