package org.streamml.ml.anomaly;

import java.util.Arrays;

/**
 * A detector's whole state flattened into one {@code double[]} (counters and indexes are stored as exact
 * doubles), so that it travels in checkpoints as a plain primitive array: {@link Writer} appends, {@link Reader}
 * takes the values back in the same order and checks every count and index against the detector it restores.
 */
final class DetectorState {
    private DetectorState() {
    }

    /** Appends values to a growing array. */
    static final class Writer {
        private double[] values;
        private int size;

        /** An empty writer with room for 256 values. */
        Writer() {
            this(256);
        }

        /** An empty writer with room for {@code capacity} values (it grows beyond). */
        Writer(int capacity) {
            values = new double[Math.max(1, capacity)];
        }

        void put(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        void putInt(int v) {
            put(v);
        }

        /** Appends {@code count} values of {@code from}, starting at index 0. */
        void put(double[] from, int count) {
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, size + count));
            }
            System.arraycopy(from, 0, values, size, count);
            size += count;
        }

        /** The values appended; the writer's own array when it is exactly full (then the writer is spent). */
        double[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    /** Takes the values of a {@link Writer}'s array back, in order. */
    static final class Reader {
        private final double[] values;
        private int at;

        Reader(double[] values) {
            this.values = values;
        }

        double get() {
            if (at == values.length) {
                throw new IllegalArgumentException("the saved detector state ends after " + at + " values, more"
                        + " were expected");
            }
            return values[at++];
        }

        /** An integer in [{@code min}, {@code max}], named {@code what} in the error otherwise. */
        int getInt(String what, int min, int max) {
            double v = get();
            if (!(v >= min && v <= max) || v != Math.rint(v)) {
                throw new IllegalArgumentException("the saved detector state has " + what + " " + v
                        + ", which must be a whole number in [" + min + ", " + max + "]");
            }
            return (int) v;
        }

        /** Fills the first {@code count} values of {@code into}. */
        void get(double[] into, int count) {
            if (values.length - at < count) {
                throw new IllegalArgumentException("the saved detector state ends after " + values.length
                        + " values, " + (at + count) + " were expected");
            }
            System.arraycopy(values, at, into, 0, count);
            at += count;
        }

        /** Checks that every value was taken. */
        void end() {
            if (at != values.length) {
                throw new IllegalArgumentException("the saved detector state has " + (values.length - at)
                        + " values more than this detector holds");
            }
        }
    }
}
