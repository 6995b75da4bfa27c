/**
 * Streaming anomaly detection for univariate time series: strictly causal, allocation-free per record,
 * one configuration for every series. {@link org.streamml.ml.anomaly.AnomalyDetector} is the per-series API;
 * {@link org.streamml.ml.anomaly.StreamingAnomalyDetector} the detector.
 */
package org.streamml.ml.anomaly;
