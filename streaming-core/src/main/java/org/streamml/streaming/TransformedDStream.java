package org.streamml.streaming;

import java.time.Duration;

import java.util.List;
import java.util.Optional;
import org.streamml.streaming.function.Function;

/**
 * A stream whose every batch is a function of its parent's batch at the same time; the workhorse
 * behind map, filter, transform, count and the per-batch key operations.
 */
final class TransformedDStream<T, R> extends DStream<R> {
    private final DStream<T> parent;
    private final Function<Batch<T>, Batch<R>> f;
    private final int partitions;

    /** A transformation keeping the parent's partition count. */
    TransformedDStream(DStream<T> parent, String operation, Function<Batch<T>, Batch<R>> f) {
        this(parent, operation, f, -1);
    }

    /** A transformation producing {@code partitions} partitions ({@code -1}: as the parent). */
    TransformedDStream(DStream<T> parent, String operation, Function<Batch<T>, Batch<R>> f, int partitions) {
        super(parent.context(), operation);
        this.parent = parent;
        this.f = f;
        this.partitions = partitions;
    }

    /** The batch function, for the check that cluster executors can ship it. */
    Function<Batch<T>, Batch<R>> function() {
        return f;
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
        return partitions > 0 ? partitions : parent.numPartitions();
    }

    @Override
    protected Optional<Batch<R>> compute(Time time) {
        Optional<Batch<T>> in = parent.batchAt(time);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.call(in.get()));
        } catch (Exception e) {
            throw StreamingException.wrap(describe(), time, e);
        }
    }
}
