package org.streamml.streaming;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's rules for {@link java.time.Duration}s: batch intervals, windows, slides and timeouts are
 * whole milliseconds, as in Spark Streaming, so every duration the engine accepts passes
 * {@link #requireMillis} and every time it computes is a whole number of milliseconds.
 *
 * <pre>{@code
 * new StreamingContext(Duration.ofSeconds(1));
 * words.countByValueAndWindow(Duration.ofSeconds(60), Duration.ofSeconds(5));
 * }</pre>
 */
public final class Durations {

    private Durations() {
    }

    /** {@code n} milliseconds (Spark's {@code Durations.milliseconds}). */
    public static Duration milliseconds(long n) {
        return Duration.ofMillis(n);
    }

    /** {@code n} seconds (Spark's {@code Durations.seconds}). */
    public static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    /** {@code n} minutes (Spark's {@code Durations.minutes}). */
    public static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    /**
     * Returns {@code d} after checking that it is positive and a whole number of milliseconds.
     *
     * @param what what the duration is, for the message ("batch interval", "window duration", ...)
     * @throws IllegalArgumentException naming {@code what} and the rule broken
     */
    public static Duration requireMillis(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0 ms: "
                    + (d.getNano() % 1_000_000 == 0 ? String.valueOf(d.toMillis()) : d.toString()));
        }
        if (d.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(what + " must be a whole number of milliseconds: " + d);
        }
        return d;
    }

    /** Whether {@code d} is a positive whole multiple of {@code unit} (both in whole milliseconds). */
    public static boolean isMultipleOf(Duration d, Duration unit) {
        long u = unit.toMillis();
        long m = d.toMillis();
        return u > 0 && m > 0 && m % u == 0;
    }

    /** {@code d} as Spark writes durations: {@code "5000 ms"}. */
    public static String format(Duration d) {
        return d.toMillis() + " ms";
    }
}
