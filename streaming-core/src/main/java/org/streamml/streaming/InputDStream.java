package org.streamml.streaming;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream fed by a {@link Source}: at every batch interval it polls the source and splits the records
 * into the stream's partitions, contiguously and in order; a {@link PartitionedSource} is instead
 * planned into the stream's partitions, each read by a task where it is processed. For a
 * {@link ReplayableSource} it remembers the source offsets of every batch it still keeps
 * ({@link #offsetsAt}).
 *
 * @param <T> record type
 */
public final class InputDStream<T> extends DStream<T> {
    /**
     * The source offsets a batch of a replayable source covered: from {@code from} (its first record) until
     * {@code until} (the first record of the next batch), per source partition.
     */
    public record OffsetRange(SourceOffsets from, SourceOffsets until) {
        /** A range; {@code until} must be at or after {@code from}. */
        public OffsetRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!until.isAtOrAfter(from)) {
                throw new IllegalArgumentException("offsets " + until + " are not at or after " + from);
            }
        }

        /** The number of records in the range, over all partitions. */
        public long records() {
            return until.recordsSince(from);
        }
    }

    private final Source<T> source;
    /** The source as a replayable one, or {@code null}: the capability is its type, checked once. */
    private final ReplayableSource<T> replayable;
    private final int partitions;
    private final int emptyPartitions;
    private final Map<Time, OffsetRange> offsets = new ConcurrentHashMap<>();
    private volatile boolean exhausted;
    /** The write-ahead log of a source that cannot replay, when the context checkpoints; else {@code null}. */
    private SourceLog log;

    InputDStream(StreamingContext context, String operation, Source<T> source, int partitions) {
        this(context, operation, source, partitions, partitions);
    }

    /**
     * An input stream whose batches without records have {@code emptyPartitions} partitions instead of
     * {@code partitions} (Spark's queue stream gives one empty partition when the queue is drained).
     */
    InputDStream(StreamingContext context, String operation, Source<T> source, int partitions,
                 int emptyPartitions) {
        super(context, operation);
        this.source = Objects.requireNonNull(source, "source");
        this.replayable = source instanceof ReplayableSource<T> r ? r : null;
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        if (emptyPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + emptyPartitions);
        }
        this.partitions = partitions;
        this.emptyPartitions = emptyPartitions;
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

    /**
     * The source offsets of the batch at {@code time}, if the source is a {@link ReplayableSource} and that
     * batch is still remembered (the last 100 batches).
     */
    public Optional<OffsetRange> offsetsAt(Time time) {
        return Optional.ofNullable(offsets.get(time));
    }

    /** Where the source stands for a checkpoint, or {@code null} if it is not a {@link ReplayableSource}. */
    SourceOffsets checkpointOffsets() {
        return replayable == null ? null : replayable.offsets();
    }

    /** Moves a replayable source back to checkpointed offsets, before the first batch after a restart. */
    void restoreOffsets(SourceOffsets at) {
        if (replayable == null) {
            throw new IllegalStateException(describe() + " has no replayable source to seek");
        }
        replayable.seek(at);
        exhausted = source.isExhausted();
    }

    /**
     * Starts logging a source that cannot replay to the checkpoint directory, before the source starts; the
     * logged batches after record {@code consumed} (what the restored checkpoint had processed) are replayed
     * first, and a {@link ReceiverSource} gets back the records it received that no batch took.
     */
    @SuppressWarnings("unchecked")
    void openLog(java.nio.file.Path checkpointDir, long consumed) {
        if (replayable != null) {
            return;
        }
        try {
            log = new SourceLog(checkpointDir, id(), describe(), context().checkpointValues());
            log.open(consumed);
        } catch (java.io.IOException | RuntimeException e) {
            throw new StreamingException("cannot open the write-ahead log of " + describe() + " in "
                    + checkpointDir + ": " + e.getMessage(), e);
        }
        if (source instanceof ReceiverSource<T> receiver) {
            SourceLog l = log;
            receiver.logReceived(l::appendReceived);
            receiver.restoreReceived(l.<T>takePendingReceived());
        }
    }

    /** The records the batches so far took from a logged source, or -1 when there is no log. */
    long loggedIndex() {
        return log == null ? -1 : log.index();
    }

    /** At a checkpoint: starts a new log segment. */
    void rollLog() throws java.io.IOException {
        if (log != null) {
            log.roll();
        }
    }

    /** Once the oldest kept checkpoint has consumed the logged records before {@code keepFrom}: drops older segments. */
    void trimLog(long keepFrom) throws java.io.IOException {
        if (log != null) {
            log.trim(keepFrom);
        }
    }

    /** Whether the source is a {@link ReplayableSource}. */
    boolean isReplayable() {
        return replayable != null;
    }

    /** Whether the source had nothing more to give after the last batch. */
    boolean isExhausted() {
        return exhausted;
    }

    @Override
    protected Optional<Batch<T>> compute(Time time) {
        SourceOffsets from = replayable == null ? null : replayable.offsets();
        Batch<T> batch;
        try {
            if (source instanceof PartitionedSource<T> partitioned) {
                // Each partition is read by a task, where it is processed (on a worker, in cluster mode).
                List<PartitionedSource.PartitionReader<T>> readers = partitioned.plan(time, partitions);
                batch = new Batch<>(time, context().executor().computePartitions(readers,
                        PartitionedSource.PartitionReader::read), context().executor());
            } else {
                List<T> records;
                if (log != null && log.replaying()) {
                    records = log.nextReplayed();
                } else {
                    records = source.poll(time);
                    if (log != null && source instanceof ReceiverSource<T>) {
                        log.taken(records.size());
                    } else if (log != null) {
                        log.append(records);
                    }
                }
                batch = Batch.split(time, records, records.isEmpty() ? emptyPartitions : partitions,
                        context().executor());
            }
        } catch (Exception e) {
            throw StreamingException.wrap(describe(), time, e);
        }
        if (replayable != null) {
            offsets.put(time, new OffsetRange(from, replayable.offsets()));
            offsets.keySet().removeIf(t -> t.millis() <= time.millis() - 100 * slideDuration().toMillis());
        }
        exhausted = (log == null || !log.replaying()) && source.isExhausted();
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
            if (log != null) {
                log.close();
            }
        } catch (java.io.IOException e) {
            // every block was forced when appended; closing loses nothing
        }
        try {
            source.close();
        } catch (Exception e) {
            // a source failing to close loses nothing: every batch it produced is already processed
        }
    }
}
