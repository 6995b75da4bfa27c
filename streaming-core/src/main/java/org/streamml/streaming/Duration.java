package org.streamml.streaming;

/**
 * A span of time in milliseconds: batch intervals, window lengths, slides and timeouts.
 *
 * @param millis the length in milliseconds, {@code >= 0}
 */
public record Duration(long millis) implements Comparable<Duration> {

    /** Validates the length. */
    public Duration {
        if (millis < 0) {
            throw new IllegalArgumentException("duration must be >= 0 ms: " + millis);
        }
    }

    /** A duration of {@code millis} milliseconds. */
    public static Duration ofMillis(long millis) {
        return new Duration(millis);
    }

    /** A duration of {@code seconds} seconds. */
    public static Duration ofSeconds(long seconds) {
        return new Duration(Math.multiplyExact(seconds, 1000L));
    }

    /** A duration of {@code minutes} minutes. */
    public static Duration ofMinutes(long minutes) {
        return new Duration(Math.multiplyExact(minutes, 60_000L));
    }

    /** Whether this duration is a positive whole multiple of {@code other}. */
    public boolean isMultipleOf(Duration other) {
        return other.millis > 0 && millis > 0 && millis % other.millis == 0;
    }

    /** The sum of this duration and {@code other}. */
    public Duration plus(Duration other) {
        return new Duration(Math.addExact(millis, other.millis));
    }

    /** This duration times {@code factor}. */
    public Duration times(long factor) {
        return new Duration(Math.multiplyExact(millis, factor));
    }

    /** This duration divided by {@code other}, rounded down. */
    public long div(Duration other) {
        return millis / other.millis;
    }

    @Override
    public int compareTo(Duration other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String toString() {
        return millis + " ms";
    }
}
