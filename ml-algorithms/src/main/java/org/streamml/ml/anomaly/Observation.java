package org.streamml.ml.anomaly;

/**
 * One record of a univariate time series.
 *
 * @param timestampMillis the record's time in milliseconds since the epoch
 * @param value the record's value; NaN marks a missing value
 */
public record Observation(long timestampMillis, double value) {
}
