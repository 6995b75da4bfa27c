package org.streamml.datasets.io;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A NAB anomaly window: the closed time interval around a labelled anomaly in which a detection counts.
 *
 * @param start the first instant of the window
 * @param end the last instant of the window, not before {@code start}
 */
public record NabWindow(LocalDateTime start, LocalDateTime end) {

    /** Checks the window is not reversed. */
    public NabWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window end " + end + " is before its start " + start);
        }
    }

    /** Whether {@code t} lies in the window, ends included. */
    public boolean contains(LocalDateTime t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }
}
