package org.streamml.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.streamml.ml.model.Model;

/**
 * How {@code model inspect} prints a model's last batch time, which a model stores as milliseconds whatever
 * clock produced them. The rule, by how the time was produced:
 *
 * <ul>
 *   <li>a wall-clock time (a run paced by the system clock: {@code train --follow} on a Kafka topic, a
 *       {@code --real-time} demo, an application's own stream) is a date, printed as an ISO-8601 UTC instant,
 *       {@code 2026-12-04T22:41:00Z};
 *   <li>a logical time (a replay under a fast-forward clock, which starts at 0 and steps one batch interval per
 *       batch: {@code train} on a file or a topic read to its end) is no date: it is printed as the batch it
 *       names and its time from the stream's start, {@code batch 12 (logical time 12.0 s from the stream's
 *       start)}, never as a day of 1970.
 * </ul>
 *
 * {@code train} records which it was in the model file's options ({@value #CLOCK_OPTION}={@value #LOGICAL} or
 * {@value #WALL}, with {@value #INTERVAL_OPTION}). A model file without them (written by an application or an
 * older version) is judged by the value: a time before 2000-01-01 cannot come from a wall clock, so it is
 * logical.
 */
final class ModelTimes {
    /** The model-file option that says which clock produced the batch times. */
    static final String CLOCK_OPTION = "clock";
    /** {@link #CLOCK_OPTION}: a fast-forward clock from 0, one interval per batch. */
    static final String LOGICAL = "logical";
    /** {@link #CLOCK_OPTION}: the system clock. */
    static final String WALL = "wall";
    /** The model-file option holding the batch interval in milliseconds. */
    static final String INTERVAL_OPTION = "batch-interval-ms";
    /** The earliest time taken for a wall-clock time when the file does not say. */
    static final long WALL_CLOCK_FROM = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    private ModelTimes() {
    }

    /** The last batch time {@code millis} of a model whose file has {@code options}, for people. */
    static String lastBatch(long millis, Map<String, String> options) {
        if (millis == Model.NO_BATCH) {
            return "none";
        }
        String clock = options.get(CLOCK_OPTION);
        boolean logical = clock != null ? clock.equals(LOGICAL) : millis < WALL_CLOCK_FROM;
        if (!logical) {
            return Instant.ofEpochMilli(millis).toString();
        }
        String time = String.format(Locale.ROOT, "logical time %.1f s from the stream's start", millis / 1e3);
        long interval = interval(options);
        return interval > 0 && millis % interval == 0 ? "batch " + millis / interval + " (" + time + ")" : time;
    }

    private static long interval(Map<String, String> options) {
        String text = options.get(INTERVAL_OPTION);
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
