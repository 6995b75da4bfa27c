package org.streamml.streaming;

import java.time.Duration;

/**
 * The time of a batch, in milliseconds on the context's {@link Clock}. Batch times are whole multiples
 * of the batch interval.
 *
 * @param millis milliseconds on the context's clock
 */
public record Time(long millis) implements Comparable<Time>, java.io.Serializable {

    /** The time {@code millis} ms. */
    public static Time ofMillis(long millis) {
        return new Time(millis);
    }

    /** This time plus {@code d}. */
    public Time plus(Duration d) {
        return new Time(Math.addExact(millis, d.toMillis()));
    }

    /** This time minus {@code d}. */
    public Time minus(Duration d) {
        return new Time(Math.subtractExact(millis, d.toMillis()));
    }

    /** The duration from {@code earlier} to this time; negative spans are an error. */
    public Duration minus(Time earlier) {
        long span = millis - earlier.millis;
        if (span < 0) {
            throw new IllegalArgumentException(earlier + " is after " + this);
        }
        return Duration.ofMillis(span);
    }

    /** Whether this time is strictly after {@code other}. */
    public boolean isAfter(Time other) {
        return millis > other.millis;
    }

    /** Whether this time is strictly before {@code other}. */
    public boolean isBefore(Time other) {
        return millis < other.millis;
    }

    @Override
    public int compareTo(Time other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String toString() {
        return millis + " ms";
    }
}
