package org.streamml.ml.anomaly;

/**
 * A record of a time series with the anomaly score a detector gave it.
 *
 * @param timestampMillis the record's time in milliseconds since the epoch
 * @param value the record's value (NaN if missing)
 * @param score the anomaly score in [0, 1]
 * @param anomaly whether the detector labelled the record an anomaly
 */
public record ScoredObservation(long timestampMillis, double value, double score, boolean anomaly) {
}
