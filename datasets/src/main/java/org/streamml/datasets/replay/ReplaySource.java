package org.streamml.datasets.replay;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.Duration;
import org.streamml.streaming.Source;
import org.streamml.streaming.Time;

/**
 * A replayable engine source over an {@link Iterable} whose passes repeat the same records (a
 * {@link org.streamml.datasets.io.RecordFile}, a seeded generator, a list). Each batch takes the next
 * {@code recordsPerBatch} records; the offset is the index of the next record, and {@link #seek} restarts
 * a pass and skips to it, which reproduces the same records. Passes that hold a file are closed when the
 * source moves on, ends or closes.
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
public final class ReplaySource<T> implements Source<T> {
    private final Iterable<T> records;
    private final int recordsPerBatch;
    private Iterator<T> pass;
    private long offset;

    /** A source giving the next {@code recordsPerBatch} (>= 1) records of {@code records} each batch. */
    public ReplaySource(Iterable<T> records, int recordsPerBatch) {
        this.records = Objects.requireNonNull(records, "records");
        if (recordsPerBatch < 1) {
            throw new IllegalArgumentException("records per batch must be >= 1: " + recordsPerBatch);
        }
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
        double perBatch = Math.max(1, Math.round(recordsPerSecond * batchInterval.millis() / 1000.0));
        return new ReplaySource<>(records, (int) Math.min(Integer.MAX_VALUE, perBatch));
    }

    /** The number of records each batch takes. */
    public int recordsPerBatch() {
        return recordsPerBatch;
    }

    @Override
    public synchronized List<T> poll(Time batchTime) {
        Iterator<T> it = pass();
        List<T> out = new ArrayList<>(Math.min(recordsPerBatch, 1 << 16));
        while (out.size() < recordsPerBatch && it.hasNext()) {
            out.add(it.next());
        }
        offset += out.size();
        return out;
    }

    @Override
    public synchronized boolean isExhausted() {
        return !pass().hasNext();
    }

    @Override
    public boolean isReplayable() {
        return true;
    }

    @Override
    public synchronized long offset() {
        return offset;
    }

    @Override
    public synchronized void seek(long target) {
        if (target < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + target);
        }
        closePass();
        Iterator<T> it = pass();
        long skipped = 0;
        while (skipped < target && it.hasNext()) {
            it.next();
            skipped++;
        }
        offset = skipped;
        if (skipped < target) {
            throw new IllegalArgumentException("offset " + target + " is past the end (" + skipped + " records)");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closePass();
    }

    private Iterator<T> pass() {
        if (pass == null) {
            pass = records.iterator();
        }
        return pass;
    }

    private void closePass() {
        if (pass instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        pass = null;
        offset = 0;
    }
}
