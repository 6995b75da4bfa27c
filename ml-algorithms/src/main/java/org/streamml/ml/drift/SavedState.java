package org.streamml.ml.drift;

import java.util.List;
import java.util.Objects;

/**
 * The saved form every detector shares: {@code [name, long[] counters, double[] numbers]}, plus any further
 * primitive arrays a detector needs. Counters and numbers keep their bits, so a restore is exact.
 */
final class SavedState {
    private SavedState() {
    }

    static List<Object> of(String name, long[] counters, double[] numbers, Object... more) {
        Object[] all = new Object[3 + more.length];
        all[0] = name;
        all[1] = counters;
        all[2] = numbers;
        System.arraycopy(more, 0, all, 3, more.length);
        return List.of(all);
    }

    /** The parts of {@code state}, checked to be a state of detector {@code name} with {@code parts} parts. */
    static List<?> parts(Object state, String name, int parts) {
        Objects.requireNonNull(state, "state");
        if (!(state instanceof List<?> list) || list.size() != parts || !name.equals(list.get(0))) {
            throw new IllegalArgumentException("not a saved " + name + " state of " + parts + " parts: "
                    + abbreviate(state));
        }
        return list;
    }

    static long[] longs(List<?> parts, int index, int length) {
        if (!(parts.get(index) instanceof long[] a) || a.length != length) {
            throw new IllegalArgumentException("saved state part " + index + " must be a long[" + length + "]");
        }
        return a;
    }

    static double[] doubles(List<?> parts, int index, int length) {
        if (!(parts.get(index) instanceof double[] a) || (length >= 0 && a.length != length)) {
            throw new IllegalArgumentException("saved state part " + index + " must be a double["
                    + (length >= 0 ? length : "") + "]");
        }
        return a;
    }

    static int[] ints(List<?> parts, int index, int length) {
        if (!(parts.get(index) instanceof int[] a) || a.length != length) {
            throw new IllegalArgumentException("saved state part " + index + " must be an int[" + length + "]");
        }
        return a;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String abbreviate(Object state) {
        String s = String.valueOf(state);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
