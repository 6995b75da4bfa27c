package org.streamml.ml.evaluation.nab;

import java.time.Instant;

/**
 * One labelled anomaly window of a NAB data file: its first and last timestamps, inclusive, in
 * milliseconds since the epoch with the file's wall-clock time read as UTC (the datasets module's
 * {@code NabLabels} reads NAB's windows file into these).
 *
 * @param startMillis the timestamp of the window's first row
 * @param endMillis the timestamp of the window's last row, &gt;= {@code startMillis}
 */
public record NabWindow(long startMillis, long endMillis) {
    /** Validates the order of the limits. */
    public NabWindow {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("window ends before it starts: " + Instant.ofEpochMilli(startMillis)
                    + " > " + Instant.ofEpochMilli(endMillis));
        }
    }

    /** Whether {@code millis} lies in the window, both ends included. */
    public boolean contains(long millis) {
        return millis >= startMillis && millis <= endMillis;
    }
}
