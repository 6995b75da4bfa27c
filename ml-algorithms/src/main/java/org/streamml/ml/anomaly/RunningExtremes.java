package org.streamml.ml.anomaly;

/**
 * The largest and the smallest of the last {@code length} values, each kept by a monotone deque of
 * (value, index) in a ring buffer (every value pushed and popped once: O(1) amortised, fixed memory, no
 * allocation). The detector's magnitude channel asks how far a new value lies beyond them: most incidents
 * take a series beyond anything it showed for a long time, which its shape alone may not show.
 */
final class RunningExtremes {
    private final int length;
    private final Deque max;
    private final Deque min;
    private long count;

    /** Extremes of the last {@code length} (&gt;= 1) values. */
    RunningExtremes(int length) {
        this.length = length;
        this.max = new Deque(length + 1);
        this.min = new Deque(length + 1);
    }

    /** Whether no value was added yet. */
    boolean isEmpty() {
        return count == 0;
    }

    /** The largest of the last {@code length} values (undefined when empty). */
    double max() {
        return max.front();
    }

    /** The smallest of the last {@code length} values (undefined when empty). */
    double min() {
        return -min.front();
    }

    /** Adds {@code x} as the newest value. */
    void add(double x) {
        max.push(x, count, length);
        min.push(-x, count, length);
        count++;
    }

    /** How many values {@link #save} appends. */
    int savedSize() {
        return 1 + max.savedSize() + min.savedSize();
    }

    void save(DetectorState.Writer out) {
        out.put((double) count);
        max.save(out);
        min.save(out);
    }

    void restore(DetectorState.Reader in) {
        double c = in.get();
        if (!(c >= 0 && c == Math.rint(c))) {
            throw new IllegalArgumentException("the saved detector state has a value count of " + c);
        }
        count = (long) c;
        max.restore(in, count);
        min.restore(in, count);
    }

    /** Values in non-increasing order from front (oldest, the maximum) to back, with their indices. */
    private static final class Deque {
        private final double[] values;
        private final double[] indices;
        private int front;
        private int size;

        Deque(int capacity) {
            values = new double[capacity];
            indices = new double[capacity];
        }

        double front() {
            return values[front];
        }

        void push(double x, long index, int length) {
            int cap = values.length;
            while (size > 0 && values[(front + size - 1) % cap] <= x) {
                size--;
            }
            int back = (front + size) % cap;
            values[back] = x;
            indices[back] = index;
            size++;
            while (index - (long) indices[front] >= length) {
                front = (front + 1) % cap;
                size--;
            }
        }

        int savedSize() {
            return 1 + 2 * size;
        }

        void save(DetectorState.Writer out) {
            out.putInt(size);
            for (int i = 0; i < size; i++) {
                int at = (front + i) % values.length;
                out.put(values[at]);
                out.put(indices[at]);
            }
        }

        void restore(DetectorState.Reader in, long count) {
            int n = in.getInt("an extremes window size", 0, values.length);
            for (int i = 0; i < n; i++) {
                values[i] = in.get();
                double at = in.get();
                if (!(at >= 0 && at < count && at == Math.rint(at)) || (i > 0 && (at <= indices[i - 1]
                        || values[i] > values[i - 1]))) {
                    throw new IllegalArgumentException("the saved detector state has a damaged extremes window");
                }
                indices[i] = at;
            }
            front = 0;
            size = n;
        }
    }
}
