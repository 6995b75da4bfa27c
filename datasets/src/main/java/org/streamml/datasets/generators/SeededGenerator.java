package org.streamml.datasets.generators;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The base of the generators: a seed and a number of rows (or {@link #UNBOUNDED}). Every call to
 * {@link #iterator()} starts a fresh pass from the seed, so passes are identical and a
 * {@link org.streamml.datasets.replay.ReplaySource} over a generator replays exactly from any offset.
 *
 * @param <T> record type
 */
public abstract class SeededGenerator<T> implements Iterable<T> {
    /** The row count of a stream that never ends. */
    public static final long UNBOUNDED = -1;

    private final long seed;
    private final long rows;

    /** A generator of {@code rows} records (>= 0, or {@link #UNBOUNDED}) from {@code seed}. */
    protected SeededGenerator(long seed, long rows) {
        if (rows < UNBOUNDED) {
            throw new IllegalArgumentException("rows must be >= 0 or UNBOUNDED: " + rows);
        }
        this.seed = seed;
        this.rows = rows;
    }

    /** One pass: the state that makes record {@code index} after records {@code 0..index-1}. */
    protected interface Cursor<T> {
        /** The record at {@code index}, called with 0, 1, 2, ... in order. */
        T next(long index);
    }

    /** Starts a pass from the seed. */
    protected abstract Cursor<T> start();

    /** The seed. */
    public final long seed() {
        return seed;
    }

    /** The number of records, or {@link #UNBOUNDED}. */
    public final long rows() {
        return rows;
    }

    @Override
    public final Iterator<T> iterator() {
        Cursor<T> cursor = start();
        return new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                return rows == UNBOUNDED || index < rows;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + rows + " records were generated");
                }
                return cursor.next(index++);
            }
        };
    }

    /** The first {@code n} records (fewer if the generator is shorter), in a new list. */
    public final List<T> take(int n) {
        List<T> out = new ArrayList<>();
        Iterator<T> it = iterator();
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    static void checkPositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be > 0 and finite: " + v);
        }
    }

    static void checkNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be >= 0 and finite: " + v);
        }
    }

    static double[] checkFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite: " + values[i]);
            }
        }
        return values.clone();
    }
}
