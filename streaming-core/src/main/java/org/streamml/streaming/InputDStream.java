package org.streamml.streaming;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream fed by a {@link Source}: at every batch interval it polls the source and splits the records
 * into the stream's partitions, contiguously and in order; a {@link PartitionedSource} is instead
 * planned into the stream's partitions, each read by a task where it is processed. It remembers the source offsets of every
 * batch it still keeps ({@link #offsetsAt}).
 *
 * @param <T> record type
 */
public final class InputDStream<T> extends DStream<T> {
    /** The source offsets a batch covered: records {@code [start, end)}. */
    public record Offsets(long start, long end) {
    }

    private final Source<T> source;
    private final int partitions;
    private final Map<Time, Offsets> offsets = new ConcurrentHashMap<>();
    private volatile boolean exhausted;

    InputDStream(StreamingContext context, String operation, Source<T> source, int partitions) {
        super(context, operation);
        this.source = Objects.requireNonNull(source, "source");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        this.partitions = partitions;
        context.graph().addInput(this);
    }

    /** The source of this stream. */
    public Source<T> source() {
        return source;
    }

    @Override
    public Duration slideDuration() {
        return context().batchInterval();
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of();
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    /** The source offsets of the batch at {@code time}, if that batch is still remembered. */
    public Optional<Offsets> offsetsAt(Time time) {
        return Optional.ofNullable(offsets.get(time));
    }

    /** Whether the source had nothing more to give after the last batch. */
    boolean isExhausted() {
        return exhausted;
    }

    @Override
    protected Optional<Batch<T>> compute(Time time) {
        long start = source.offset();
        Batch<T> batch;
        try {
            if (source instanceof PartitionedSource<T> partitioned) {
                // Each partition is read by a task, where it is processed (on a worker, in cluster mode).
                List<PartitionedSource.PartitionReader<T>> readers = partitioned.plan(time, partitions);
                batch = new Batch<>(time, context().executor().computePartitions(readers,
                        PartitionedSource.PartitionReader::read), context().executor());
            } else {
                batch = Batch.split(time, source.poll(time), partitions, context().executor());
            }
        } catch (Exception e) {
            throw StreamingException.wrap(describe(), time, e);
        }
        offsets.put(time, new Offsets(start, source.offset()));
        offsets.keySet().removeIf(t -> t.millis() <= time.millis() - 100 * slideDuration().millis());
        exhausted = source.isExhausted();
        return Optional.of(batch);
    }

    @Override
    protected void onStart() {
        try {
            source.start();
        } catch (Exception e) {
            throw new StreamingException("cannot start the source of " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void onStop() {
        try {
            source.close();
        } catch (Exception e) {
            // a source failing to close loses nothing: every batch it produced is already processed
        }
    }
}
