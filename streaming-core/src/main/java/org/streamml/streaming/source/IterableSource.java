package org.streamml.streaming.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.ReplayableSource;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.Time;

/**
 * A source that takes up to a fixed number of records per batch from an {@link Iterable} (a list, a
 * seeded generator, a file reader). It pulls records only when a batch asks for them, so a slow stream
 * slows the producer instead of buffering. Replayable, with one source partition whose position is the
 * number of records already given: {@link #seek} restarts the iteration and skips to the position, which
 * reproduces the same records for a deterministic iterable. An iterator that is
 * {@link Closeable} (a pass over a file) is closed when {@link #seek} starts a new pass and when the source
 * closes.
 *
 * @param <T> record type
 */
public final class IterableSource<T> implements ReplayableSource<T> {
    private final Iterable<T> records;
    private final int recordsPerBatch;
    private Iterator<T> it;
    private long offset;

    /** A source giving at most {@code recordsPerBatch} (>= 1) records of {@code records} per batch. */
    public IterableSource(Iterable<T> records, int recordsPerBatch) {
        this.records = Objects.requireNonNull(records, "records");
        if (recordsPerBatch < 1) {
            throw new IllegalArgumentException("records per batch must be >= 1: " + recordsPerBatch);
        }
        this.recordsPerBatch = recordsPerBatch;
    }

    /**
     * A source paced at {@code recordsPerSecond}: each batch of {@code batchIntervalMillis} takes
     * {@code max(1, rate * interval / 1000)} records.
     */
    public static <T> IterableSource<T> atRate(Iterable<T> records, double recordsPerSecond,
                                               long batchIntervalMillis) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("records per second must be > 0: " + recordsPerSecond);
        }
        long perBatch = Math.max(1, Math.round(recordsPerSecond * batchIntervalMillis / 1000.0));
        return new IterableSource<>(records, (int) Math.min(Integer.MAX_VALUE, perBatch));
    }

    @Override
    public synchronized List<T> poll(Time batchTime) {
        Iterator<T> i = iterator();
        List<T> out = new ArrayList<>(Math.min(recordsPerBatch, 1 << 16));
        while (out.size() < recordsPerBatch && i.hasNext()) {
            out.add(i.next());
        }
        offset += out.size();
        return out;
    }

    private Iterator<T> iterator() {
        if (it == null) {
            it = records.iterator();
        }
        return it;
    }

    @Override
    public synchronized boolean isExhausted() {
        return !iterator().hasNext();
    }

    @Override
    public synchronized SourceOffsets offsets() {
        return SourceOffsets.of(offset);
    }

    @Override
    public synchronized void seek(SourceOffsets offsets) {
        long target = offsets.singlePosition();
        closePass();
        it = records.iterator();
        offset = 0;
        while (offset < target && it.hasNext()) {
            it.next();
            offset++;
        }
        if (offset < target) {
            throw new IllegalArgumentException("offset " + target + " is past the end (" + offset + " records)");
        }
    }

    /** Closes the current pass over the records if its iterator is {@link Closeable}. */
    @Override
    public synchronized void close() {
        closePass();
    }

    private void closePass() {
        if (it instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close a pass over the records: " + e.getMessage(), e);
            }
        }
        it = null;
    }
}
