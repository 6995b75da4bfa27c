package org.streamml.datasets.replay;

import java.util.List;
import java.util.Objects;
import java.time.Duration;
import org.streamml.streaming.ReplayableSource;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.IterableSource;

/**
 * A replayable engine source over an {@link Iterable} whose passes repeat the same records (a
 * {@link org.streamml.datasets.io.RecordFile}, a seeded generator, a list). Each batch takes the next
 * {@code recordsPerBatch} records; its offsets are one source partition whose position is the index of
 * the next record, and {@link #seek} restarts a pass and skips to it, which reproduces the same records. Passes that hold a file are closed when the
 * source moves on, ends or closes. The batching, offsets and seeking are the engine's {@link IterableSource};
 * this adds pacing by a {@link Duration} and the batch size.
 *
 * <p>Replay "as fast as possible" by pairing a fixed batch size with the engine's
 * {@code FastForwardClock}; replay at a rate with {@link #atRate} and the system clock.
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext(options.withClock(new FastForwardClock()));
 * DStream<LabeledPoint> points = ssc.source(new ReplaySource<>(CsvFile.of(path, opts), 1000));
 * }</pre>
 *
 * @param <T> record type
 */
public final class ReplaySource<T> implements ReplayableSource<T> {
    private final IterableSource<T> source;
    private final int recordsPerBatch;

    /** A source giving the next {@code recordsPerBatch} (>= 1) records of {@code records} each batch. */
    public ReplaySource(Iterable<T> records, int recordsPerBatch) {
        this.source = new IterableSource<>(records, recordsPerBatch);
        this.recordsPerBatch = recordsPerBatch;
    }

    /**
     * A source paced at {@code recordsPerSecond}: each batch of length {@code batchInterval} takes
     * {@code max(1, round(rate · interval))} records.
     */
    public static <T> ReplaySource<T> atRate(Iterable<T> records, double recordsPerSecond, Duration batchInterval) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("records per second must be > 0 and finite: " + recordsPerSecond);
        }
        Objects.requireNonNull(batchInterval, "batchInterval");
        double perBatch = Math.max(1, Math.round(recordsPerSecond * batchInterval.toMillis() / 1000.0));
        return new ReplaySource<>(records, (int) Math.min(Integer.MAX_VALUE, perBatch));
    }

    /** The number of records each batch takes. */
    public int recordsPerBatch() {
        return recordsPerBatch;
    }

    @Override
    public List<T> poll(Time batchTime) {
        return source.poll(batchTime);
    }

    @Override
    public boolean isExhausted() {
        return source.isExhausted();
    }

    @Override
    public SourceOffsets offsets() {
        return source.offsets();
    }

    @Override
    public void seek(SourceOffsets offsets) {
        source.seek(offsets);
    }

    @Override
    public void close() {
        source.close();
    }
}
