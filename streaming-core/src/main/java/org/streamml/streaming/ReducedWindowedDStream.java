package org.streamml.streaming;

import java.time.Duration;

import java.util.ArrayList;
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
 * unless {@code filter} drops them. The previous window's output is the state: partition r of the new
 * window is one task of (partition r of the previous window, partitions r of the batches leaving and
 * entering), run where the previous window's partition is (on a cluster, a worker), and the state is
 * checkpointed to the driver every {@link StateDStream#CHECKPOINT_EVERY} windows.
 *
 * <p>A slide equal to the window is incremental too, as in Spark: the batches leaving are exactly the
 * previous window's, so a key of the previous window stays with its "zero" value unless the filter drops
 * it. When the previous window is not available (a downstream operation asked for a later time first,
 * or the first window) the window is reduced from scratch, which gives the same result. A slide longer
 * than the window is always reduced from scratch (each window from its own batches): Spark's inverse
 * would also remove the batches of the gaps, which never entered a window.
 */
final class ReducedWindowedDStream<K, V> extends DStream<Pair<K, V>> {
    private final DStream<Pair<K, V>> reduced;
    private final Function2<V, V, V> f;
    private final Function2<V, V, V> inv;
    private final Duration window;
    private final Duration slide;
    private final int partitions;
    private final Predicate<Pair<K, V>> filter;
    private List<List<Pair<K, V>>> state;
    private Time stateTime;
    private long windows;

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
    }

    /** The reduce function, its inverse and the filter, which run in partition tasks. */
    List<Object> functions() {
        return java.util.Arrays.asList(f, inv, filter);
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
        Time last = stateTime == null ? context().zeroTime() : stateTime;
        boolean incremental = slide.compareTo(window) <= 0 && last.equals(previous) && state != null;
        List<Batch<Pair<K, V>>> leaving;
        List<Batch<Pair<K, V>>> entering;
        if (incremental) {
            leaving = WindowedDStream.batchesInWindow(reduced, slide, time.minus(window));
            entering = WindowedDStream.batchesInWindow(reduced, slide, time);
        } else {
            leaving = List.of();
            entering = WindowedDStream.batchesInWindow(reduced, window, time);
        }
        List<Update<K, V>> inputs = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            inputs.add(new Update<>(incremental ? state.get(r) : List.of(), partition(leaving, r),
                    partition(entering, r)));
        }
        Function2<V, V, V> reduce = f;
        Function2<V, V, V> inverse = inv;
        Predicate<Pair<K, V>> keep = filter;
        List<List<Pair<K, V>>> next = context().executor().computePartitions(inputs,
                u -> update(u, reduce, inverse, keep));
        if (++windows % StateDStream.CHECKPOINT_EVERY == 0) {
            next = StateDStream.checkpoint(context(), next);
        }
        state = next;
        stateTime = time;
        return Optional.of(new Batch<>(time, next, context().executor()));
    }

    @Override
    Object checkpointState() {
        return state == null ? null : List.of(windows, stateTime.millis(), StateDStream.checkpoint(context(), state));
    }

    @Override
    @SuppressWarnings("unchecked")
    void restoreCheckpointState(Object saved) {
        List<?> s = (List<?>) saved;
        windows = (Long) s.get(0);
        stateTime = Time.ofMillis((Long) s.get(1));
        state = (List<List<Pair<K, V>>>) s.get(2);
    }

    private static <K, V> List<List<Pair<K, V>>> partition(List<Batch<Pair<K, V>>> batches, int r) {
        List<List<Pair<K, V>>> parts = new ArrayList<>(batches.size());
        for (Batch<Pair<K, V>> b : batches) {
            parts.add(b.partition(r));
        }
        return parts;
    }

    /**
     * One partition's update: the previous window's pairs, and the partitions of the batches leaving and
     * entering the window, in time order.
     */
    record Update<K, V>(List<Pair<K, V>> previous, List<List<Pair<K, V>>> leaving,
                        List<List<Pair<K, V>>> entering) {
    }

    private static <K, V> List<Pair<K, V>> update(Update<K, V> u, Function2<V, V, V> f, Function2<V, V, V> inv,
                                                  Predicate<Pair<K, V>> filter) throws Exception {
        Map<K, V> current = new LinkedHashMap<>();
        for (Pair<K, V> kv : u.previous()) {
            current.put(kv.key(), kv.value());
        }
        Map<K, V> old = reduceAll(u.leaving(), f);
        Map<K, V> added = reduceAll(u.entering(), f);
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
        List<Pair<K, V>> out = new ArrayList<>(current.size());
        for (Map.Entry<K, V> e : current.entrySet()) {
            Pair<K, V> kv = Pair.of(e.getKey(), e.getValue());
            if (filter == null || filter.test(kv)) {
                out.add(kv);
            }
        }
        return out;
    }

    /** The partitions, reduced by key in time order. */
    private static <K, V> Map<K, V> reduceAll(List<List<Pair<K, V>>> parts, Function2<V, V, V> f) throws Exception {
        Map<K, V> acc = new LinkedHashMap<>();
        for (List<Pair<K, V>> part : parts) {
            for (Pair<K, V> kv : part) {
                V prev = acc.get(kv.key());
                acc.put(kv.key(), prev == null ? kv.value() : f.call(prev, kv.value()));
            }
        }
        return acc;
    }
}
