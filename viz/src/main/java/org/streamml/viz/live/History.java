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

    private int slotForAppend() {
        int slot;
        if (size < capacity) {
            slot = (start + size) % capacity;
            size++;
        } else {
            slot = start;
            start = (start + 1) % capacity;
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
}
