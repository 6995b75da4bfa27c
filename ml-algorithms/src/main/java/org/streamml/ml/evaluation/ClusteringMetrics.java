package org.streamml.ml.evaluation;

/**
 * k-means quality over some points: the within-cluster cost (sum of squared distances to the nearest
 * center) and its mean per point.
 *
 * @param count the number of points
 * @param cost the sum of squared distances to the nearest center
 * @param meanCost {@code cost / count} (NaN when there is no point)
 */
public record ClusteringMetrics(long count, double cost, double meanCost) {

    /** The metrics of {@code count} points of total cost {@code cost}. */
    public static ClusteringMetrics of(long count, double cost) {
        return new ClusteringMetrics(count, cost, count == 0 ? Double.NaN : cost / count);
    }
}
