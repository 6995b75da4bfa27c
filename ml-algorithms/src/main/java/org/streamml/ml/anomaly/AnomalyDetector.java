package org.streamml.ml.anomaly;

/**
 * A streaming anomaly detector for one univariate time series: feed it the series' records in order and it
 * scores each one from what it has seen so far.
 *
 * <p>Contract: strictly causal (the score of a record depends only on that record and the ones before it),
 * deterministic, allocation-free per record. One instance per series; instances are not thread-safe.
 *
 * <pre>{@code
 * AnomalyDetector detector = new StreamingAnomalyDetector(StreamingAnomalyDetector.Options.defaults());
 * for (int i = 0; i < values.length; i++) {
 *     double score = detector.score(timestamps[i], values[i]);
 *     if (detector.isAnomaly()) {
 *         alert(timestamps[i], score);
 *     }
 * }
 * }</pre>
 */
public interface AnomalyDetector {
    /**
     * Scores the next record of the series and learns from it.
     *
     * @param timestampMillis the record's time in milliseconds since the epoch (need not increase)
     * @param value the record's value; NaN marks a missing value, which scores 0 and is not learned from
     * @return the anomaly score in [0, 1], higher meaning more anomalous
     */
    double score(long timestampMillis, double value);

    /** Whether the record last scored is an anomaly by the detector's own threshold (false before any). */
    boolean isAnomaly();

    /**
     * This detector's whole state as a flat array, for checkpoints and exact resume: a detector of the same
     * options given it by {@link #restoreState} scores the rest of the series exactly as this one would.
     * {@link AnomalyStreams#score} puts it in the stream's checkpoints.
     *
     * @throws UnsupportedOperationException if this detector cannot save its state (the default)
     */
    default double[] saveState() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot save its state: implement"
                + " AnomalyDetector.saveState and restoreState to checkpoint it");
    }

    /**
     * Puts back a state {@link #saveState} returned.
     *
     * @throws UnsupportedOperationException if this detector cannot save its state (the default)
     * @throws IllegalArgumentException      if {@code state} is not a state of a detector like this one
     */
    default void restoreState(double[] state) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restore a saved state");
    }
}
