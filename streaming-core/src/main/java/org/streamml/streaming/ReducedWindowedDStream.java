package org.streamml.streaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.streamml.streaming.function.Function2;
import org.streamml.streaming.function.Predicate;

/**
 * The incremental {@code reduceByKeyAndWindow}: the value of each key over the window ending at t is
 * computed from the previous window's value, the values of the batches leaving the window (removed with
 * the inverse function) and those entering it (added with the reduce function), following Spark's
 * {@code ReducedWindowedDStream}. Per key: with no previous value the result is the reduction of the new
 * values; otherwise {@code f(inv(prev, old), new)}, skipping missing parts. Keys stay (even at "zero")
 * unless {@code filter} drops them. The previous window is kept as per-operator {@link KeyedState}.
 *
 * <p>When the previous window is not available (the slide is at least the window, or a downstream
 * operation asked for a later time first) the window is reduced from scratch, which gives the same
 * result.
 */
final class ReducedWindowedDStream<K, V> extends DStream<Pair<K, V>> {
    private final DStream<Pair<K, V>> reduced;
    private final Function2<V, V, V> f;
    private final Function2<V, V, V> inv;
    private final Duration window;
    private final Duration slide;
    private final int partitions;
    private final Predicate<Pair<K, V>> filter;
    private final KeyedState<K, V> state;

    /** {@code reduced} must already be reduced by key into {@code partitions} hash partitions per batch. */
    ReducedWindowedDStream(DStream<Pair<K, V>> reduced, Function2<V, V, V> f, Function2<V, V, V> inv,
                           Duration window, Duration slide, int partitions, Predicate<Pair<K, V>> filter) {
        super(reduced.context(), "reduceByKeyAndWindow");
        WindowedDStream.checkWindow(reduced, window, slide);
        this.reduced = reduced;
        this.f = f;
        this.inv = inv;
        this.window = window;
        this.slide = slide;
        this.partitions = partitions;
        this.filter = filter;
        this.state = new KeyedState<>(partitions, null);
    }

    @Override
    public Duration slideDuration() {
        return slide;
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of(reduced);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    protected Duration parentRememberDuration() {
        return super.parentRememberDuration().plus(window).plus(slide);
    }

    @Override
    protected Optional<Batch<Pair<K, V>>> compute(Time time) {
        Time previous = time.minus(slide);
        Time stateTime = state.time() == null ? context().zeroTime() : state.time();
        boolean incremental = slide.compareTo(window) < 0 && stateTime.equals(previous);
        List<Batch<Pair<K, V>>> leaving;
        List<Batch<Pair<K, V>>> entering;
        if (incremental) {
            leaving = WindowedDStream.batchesInWindow(reduced, slide, time.minus(window));
            entering = WindowedDStream.batchesInWindow(reduced, slide, time);
        } else {
            state.clear();
            leaving = List.of();
            entering = WindowedDStream.batchesInWindow(reduced, window, time);
        }
        List<List<Pair<K, V>>> out = context().executor().runTasks(partitions,
                r -> updatePartition(r, leaving, entering));
        state.setTime(time);
        return Optional.of(new Batch<>(time, out, context().executor()));
    }

    private List<Pair<K, V>> updatePartition(int r, List<Batch<Pair<K, V>>> leaving,
                                             List<Batch<Pair<K, V>>> entering) throws Exception {
        Map<K, V> current = state.partition(r);
        Map<K, V> old = reduceAll(leaving, r);
        Map<K, V> added = reduceAll(entering, r);
        for (Map.Entry<K, V> e : old.entrySet()) {
            V prev = current.get(e.getKey());
            if (prev != null) {
                current.put(e.getKey(), inv.call(prev, e.getValue()));
            } else if (!added.containsKey(e.getKey())) {
                throw new IllegalStateException("Neither previous window has value for key " + e.getKey()
                        + ", nor new values found; does the filter drop keys that still have values, or does"
                        + " the key class hash inconsistently?");
            }
        }
        for (Map.Entry<K, V> e : added.entrySet()) {
            V prev = current.get(e.getKey());
            current.put(e.getKey(), prev == null ? e.getValue() : f.call(prev, e.getValue()));
        }
        if (filter != null) {
            var it = current.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<K, V> e = it.next();
                if (!filter.test(Pair.of(e.getKey(), e.getValue()))) {
                    it.remove();
                }
            }
        }
        return state.pairs(r);
    }

    /** Partition {@code r} of every batch, reduced by key in time order. */
    private Map<K, V> reduceAll(List<Batch<Pair<K, V>>> batches, int r) throws Exception {
        Map<K, V> acc = new LinkedHashMap<>();
        for (Batch<Pair<K, V>> b : batches) {
            for (Pair<K, V> kv : b.partition(r)) {
                V prev = acc.get(kv.key());
                acc.put(kv.key(), prev == null ? kv.value() : f.call(prev, kv.value()));
            }
        }
        return acc;
    }
}
