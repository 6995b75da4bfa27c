package org.streamml.viz.live;

/**
 * A bounded ring of points (one x and a fixed number of y channels each), the data of a live chart.
 * Appends are O(channels) and never allocate; when full, the oldest point is overwritten. Thread-safe:
 * the engine appends while a render thread takes snapshots.
 */
final class History {
    private final int capacity;
    private final double[] x;
    private final double[][] y;
    private int start;
    private int size;
    private long appended;

    /** An empty history of at most {@code capacity} points of {@code channels} channels. */
    History(int capacity, int channels) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be >= 1: " + capacity);
        }
        if (channels < 0) {
            throw new IllegalArgumentException("channels must be >= 0: " + channels);
        }
        this.capacity = capacity;
        this.x = new double[capacity];
        this.y = new double[channels][capacity];
    }

    /** Appends a point. Not modified: values. */
    synchronized void append(double xValue, double[] values) {
        if (values.length != y.length) {
            throw new IllegalArgumentException("expected " + y.length + " values per point but got " + values.length);
        }
        int slot = slotForAppend();
        x[slot] = xValue;
        for (int c = 0; c < values.length; c++) {
            y[c][slot] = values[c];
        }
    }

    /** Appends a point with a single channel (no array needed). */
    synchronized void append(double xValue, double value) {
        if (y.length != 1) {
            throw new IllegalArgumentException("expected " + y.length + " values per point but got 1");
        }
        int slot = slotForAppend();
        x[slot] = xValue;
        y[0][slot] = value;
    }

    /**
     * Appends points {@code 0 .. count-1} under one lock: point i is at {@code xs[i]} with the values
     * {@code rows[i]}. Points that the ring would overwrite within this call are counted but not copied.
     * Not modified: xs, rows.
     */
    synchronized void appendRows(double[] xs, double[][] rows, int count) {
        checkCount(xs.length, rows.length, count);
        int first = Math.max(0, count - capacity);
        for (int i = first; i < count; i++) {
            if (rows[i].length != y.length) {
                throw new IllegalArgumentException("expected " + y.length + " values per point but point " + i
                        + " has " + rows[i].length);
            }
        }
        int from = writeSlot();
        int w = from;
        for (int i = first; i < count; i++) {
            x[w] = xs[i];
            if (++w == capacity) {
                w = 0;
            }
        }
        for (int c = 0; c < y.length; c++) {
            double[] channel = y[c];
            w = from;
            for (int i = first; i < count; i++) {
                channel[w] = rows[i][c];
                if (++w == capacity) {
                    w = 0;
                }
            }
        }
        advance(count - first, count);
    }

    /** Appends points {@code 0 .. count-1} of a one-channel history under one lock. Not modified: xs, values. */
    synchronized void appendValues(double[] xs, double[] values, int count) {
        if (y.length != 1) {
            throw new IllegalArgumentException("expected " + y.length + " values per point but got 1");
        }
        checkCount(xs.length, values.length, count);
        int first = Math.max(0, count - capacity);
        int w = writeSlot();
        double[] channel = y[0];
        for (int i = first; i < count; i++) {
            x[w] = xs[i];
            channel[w] = values[i];
            if (++w == capacity) {
                w = 0;
            }
        }
        advance(count - first, count);
    }

    /** The slot the next point goes to. */
    private int writeSlot() {
        int w = start + size;
        return w >= capacity ? w - capacity : w;
    }

    /** Accounts for {@code written} points written from the write slot, out of {@code offered} appended. */
    private void advance(int written, int offered) {
        int end = writeSlot() + written;
        end = end >= capacity ? end - capacity : end;
        size = Math.min(capacity, size + written);
        start = end - size;
        if (start < 0) {
            start += capacity;
        }
        appended += offered;
    }

    private static void checkCount(int xs, int values, int count) {
        if (count < 0 || count > xs || count > values) {
            throw new IllegalArgumentException("count must be in [0, " + Math.min(xs, values) + "]: " + count);
        }
    }

    private int slotForAppend() {
        int slot = writeSlot();
        if (size < capacity) {
            size++;
        } else if (++start == capacity) {
            start = 0;
        }
        appended++;
        return slot;
    }

    /** A copy of the points held, oldest first: {@code [0]} is x, {@code [1 + c]} is channel c. */
    synchronized double[][] snapshot() {
        double[][] out = new double[1 + y.length][size];
        copy(x, out[0]);
        for (int c = 0; c < y.length; c++) {
            copy(y[c], out[1 + c]);
        }
        return out;
    }

    private void copy(double[] ring, double[] dest) {
        int first = Math.min(size, capacity - start);
        System.arraycopy(ring, start, dest, 0, first);
        System.arraycopy(ring, 0, dest, first, size - first);
    }

    /** The number of points held (at most the capacity). */
    synchronized int size() {
        return size;
    }

    /** The number of points ever appended, including those the ring has since dropped. */
    synchronized long appended() {
        return appended;
    }

    /** The maximum number of points held. */
    int capacity() {
        return capacity;
    }

    /** The value of {@code channel} at the newest point, or {@code NaN} when the history is empty. */
    synchronized double last(int channel) {
        if (size == 0) {
            return Double.NaN;
        }
        return y[channel][(start + size - 1) % capacity];
    }
}
