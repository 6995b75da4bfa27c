package org.streamml.ml.anomaly;

import java.util.Arrays;

/**
 * Order statistics of the last {@code capacity} values of a stream: a ring buffer in arrival order beside the
 * same values kept sorted, so that adding a value (and evicting the oldest) costs one binary search and one
 * array shift, and any quantile is then a lookup. Allocation-free after construction. Not thread-safe.
 */
final class RollingQuantiles {
    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int next;

    /** An empty window of {@code capacity} values. */
    RollingQuantiles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        ring = new double[capacity];
        sorted = new double[capacity];
    }

    /** Adds finite {@code value}, evicting the oldest value once the window is full. */
    void add(double value) {
        if (size == ring.length) {
            double old = ring[next];
            int at = Arrays.binarySearch(sorted, 0, size, old);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }
        ring[next] = value;
        next = next + 1 == ring.length ? 0 : next + 1;
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        size++;
    }

    /** The number of values held. */
    int size() {
        return size;
    }

    /** The {@code q}-quantile (0 &lt;= q &lt;= 1) by linear interpolation; NaN when empty. */
    double quantile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        double pos = q * (size - 1);
        int lo = (int) pos;
        int hi = Math.min(lo + 1, size - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /** The number of values held that are &gt;= {@code value}. */
    int countAtLeast(double value) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return size - lo;
    }

    /** The mean of the {@code k} largest values held (k &lt;= size). */
    double meanOfLargest(int k) {
        double s = 0;
        for (int i = size - k; i < size; i++) {
            s += sorted[i];
        }
        return s / k;
    }

    /** How many values {@link #save} appends. */
    int savedSize() {
        return 2 + 2 * size;
    }

    /** Appends this window's values (in arrival order and sorted) to {@code out}. */
    void save(DetectorState.Writer out) {
        out.putInt(size);
        out.putInt(next);
        out.put(ring, size);
        out.put(sorted, size);
    }

    /** Puts back what {@link #save} wrote, for a window of the same capacity. */
    void restore(DetectorState.Reader in) {
        int n = in.getInt("a window size", 0, ring.length);
        int at = in.getInt("a window position", 0, ring.length - 1);
        if (n < ring.length && at != n % ring.length) {
            throw new IllegalArgumentException("the saved detector state has a window of " + n + " values at"
                    + " position " + at);
        }
        in.get(ring, n);
        in.get(sorted, n);
        size = n;
        next = at;
    }
}
