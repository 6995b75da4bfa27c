package org.streamml.ml.evaluation.nab;

import java.util.Objects;

/**
 * A detector's output for one NAB data file: the file's rows in file order, each with its timestamp and
 * the anomaly score the detector gave it.
 *
 * @param name the file's path relative to NAB's data folder, e.g. {@code realKnownCause/nyc_taxi.csv}, as
 *        the windows file keys it
 * @param timestamps the rows' timestamps in milliseconds since the epoch, the wall-clock time read as UTC; not copied, not modified
 * @param scores the rows' anomaly scores, finite; not copied, not modified
 */
public record NabSeries(String name, long[] timestamps, double[] scores) {
    /** Validates that both arrays have one entry per row and that the scores are finite. */
    public NabSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(scores, "scores");
        if (timestamps.length != scores.length) {
            throw new IllegalArgumentException(name + ": " + timestamps.length + " timestamps but "
                    + scores.length + " scores");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(name + ": anomaly score of row " + (i + 1)
                        + " must be finite: " + scores[i]);
            }
        }
    }

    /** The number of rows. */
    public int size() {
        return scores.length;
    }
}
