package org.streamml.ml.streaming;

import java.util.Locale;

/** The time unit of streaming k-means forgetting (Spark's {@code timeUnit}). */
public enum DecayUnit {
    /** The decay factor applies once per batch. */
    BATCHES,
    /** The decay factor applies once per data point: {@code a^M} for a batch of M points. */
    POINTS;

    /**
     * The unit named {@code name}, {@code "batches"} or {@code "points"} (any case).
     *
     * @throws IllegalArgumentException with Spark's message for another name
     */
    public static DecayUnit parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "batches" -> BATCHES;
            case "points" -> POINTS;
            default -> throw new IllegalArgumentException("Invalid time unit for decay: " + name
                    + " (expected batches or points)");
        };
    }
}
