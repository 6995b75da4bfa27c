package org.streamml.viz.live;

import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.streamml.ml.model.KMeansModel;
import org.streamml.streaming.DStream;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.VoidFunction2;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.ClusterCharts;
import org.streamml.viz.chart.Projection;

/**
 * Live k-means clusters in the plane: the latest points coloured by their nearest current center, and
 * the path each center took over the batches. Feed points with {@link #addPoint} (or
 * {@link #attachPoints}) and models through {@link #accept}, the learner's per-batch callback. Points and
 * centers are projected with the given {@link Projection} or, without one, with the first two principal
 * components of the first points (or centers) the chart draws, fixed from then on so the view is stable.
 */
public final class LiveClusters extends LiveChart implements Consumer<KMeansModel> {
    private final int k;
    private final int dimension;
    private final History points;
    private final History centers;
    private volatile Projection projection;

    /**
     * A chart of {@code k} clusters of {@code dimension}-dimensional points, keeping the last
     * {@code pointCapacity} points and {@code pathLength} center positions.
     *
     * @param projection the projection to the plane, or {@code null} to fit principal components
     */
    public LiveClusters(String name, int k, int dimension, Projection projection, int pointCapacity, int pathLength) {
        super(name);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
        }
        if (projection != null && projection.dimension() != dimension) {
            throw new IllegalArgumentException("projection takes dimension " + projection.dimension()
                    + " but the points have dimension " + dimension);
        }
        this.k = k;
        this.dimension = dimension;
        this.projection = projection;
        this.points = new History(pointCapacity, dimension);
        this.centers = new History(pathLength, k * dimension);
    }

    @Override
    public String title() {
        return "k-means clusters (k=" + k + ")";
    }

    /** The most points the chart keeps (the center paths keep their own length). */
    @Override
    public int capacity() {
        return points.capacity();
    }

    /** Adds one point. Not modified: point. */
    public void addPoint(double[] point) {
        points.append(points.appended(), point);
    }

    /**
     * Adds every record of each batch of {@code stream} as a point (via {@code features}), then publishes;
     * off the engine's thread, as {@link #attach(DStream, Points, VoidFunction2)} with {@link Points#PER_RECORD}.
     */
    public <T> void attachPoints(DStream<T> stream, Function<T, double[]> features) {
        attach(stream, Points.PER_RECORD, (batch, time) -> {
            for (T record : batch.collect()) {
                addPoint(features.call(record));
            }
        });
    }

    /**
     * Appends the centers of {@code m}, a model with this chart's k and dimension, to the center paths and
     * publishes. The chart is a {@code Consumer<KMeansModel>}: {@code streamingKMeans.onModel(chart)}.
     */
    @Override
    public void accept(KMeansModel m) {
        if (m.k() != k || m.numFeatures() != dimension) {
            throw new IllegalArgumentException("chart '" + name() + "' expects a k-means model with k=" + k
                    + " and dimension " + dimension + " but got " + m);
        }
        centers.append(m.version(), m.parameters());
        publish();
    }

    @Override
    public JFreeChart render() {
        double[][] p = points.snapshot();
        double[][] c = centers.snapshot();
        Projection proj = projectionFor(p, c);
        int n = p[0].length;
        int steps = c[0].length;
        double[] raw = new double[dimension];
        double[][] projected = new double[n][2];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimension; d++) {
                raw[d] = p[1 + d][i];
            }
            proj.project(raw, projected[i]);
            cluster[i] = steps == 0 ? 0 : nearest(c, steps - 1, raw);
        }
        double[][][] paths = new double[k][steps][2];
        for (int j = 0; j < k; j++) {
            for (int s = 0; s < steps; s++) {
                for (int d = 0; d < dimension; d++) {
                    raw[d] = c[1 + j * dimension + d][s];
                }
                proj.project(raw, paths[j][s]);
            }
        }
        ChartText text = new ChartText(title(), proj.labelX(), proj.labelY());
        return ClusterCharts.scatter(text, projected, cluster, paths);
    }

    private Projection projectionFor(double[][] p, double[][] c) {
        Projection proj = projection;
        if (proj != null) {
            return proj;
        }
        if (dimension == 2) {
            proj = Projection.coordinates(2, 0, 1);
        } else if (p[0].length > dimension) {
            proj = Projection.principalComponents(rows(p));
        } else if (c[0].length > 0 && k > 1) {
            proj = Projection.principalComponents(lastCenters(c));
        } else {
            return Projection.coordinates(dimension, 0, Math.min(1, dimension - 1));
        }
        projection = proj;
        return proj;
    }

    private static double[][] rows(double[][] columns) {
        int n = columns[0].length;
        double[][] out = new double[n][columns.length - 1];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < out[i].length; d++) {
                out[i][d] = columns[1 + d][i];
            }
        }
        return out;
    }

    private double[][] lastCenters(double[][] c) {
        int last = c[0].length - 1;
        double[][] out = new double[k][dimension];
        for (int j = 0; j < k; j++) {
            for (int d = 0; d < dimension; d++) {
                out[j][d] = c[1 + j * dimension + d][last];
            }
        }
        return out;
    }

    private int nearest(double[][] c, int step, double[] x) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double dist = 0;
            for (int d = 0; d < dimension; d++) {
                double diff = x[d] - c[1 + j * dimension + d][step];
                dist += diff * diff;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = j;
            }
        }
        return best;
    }
}
