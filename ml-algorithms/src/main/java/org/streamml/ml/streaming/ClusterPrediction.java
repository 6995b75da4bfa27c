package org.streamml.ml.streaming;

/**
 * A k-means assignment and the version of the model that made it, as emitted by
 * {@link StreamingKMeans#predictOnValues}.
 *
 * @param cluster the index of the nearest center, 0-based
 * @param modelVersion the version of the model that predicted
 */
public record ClusterPrediction(int cluster, long modelVersion) {
}
