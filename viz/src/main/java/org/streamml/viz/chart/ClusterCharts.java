package org.streamml.viz.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A 2-D scatter of k-means clusters: the points coloured by cluster, each center's path over the
 * batches as a line, and the current centers as large black squares. Points and centers are given
 * already projected to the plane (see {@link Projection}).
 */
public final class ClusterCharts {
    /** The key of the current centers' series. */
    public static final String CENTERS_SERIES = "centers";

    private ClusterCharts() {
    }

    /**
     * The clusters chart.
     *
     * @param points {@code points[i]} = {x, y} of point i (not modified)
     * @param clusterOfPoint the cluster (from 0, below k) of each point
     * @param centerPaths {@code centerPaths[c][s]} = {x, y} of center c at step s, oldest first; the last
     *        step is the current center (a center with no steps yet is not drawn)
     */
    public static JFreeChart scatter(ChartText text, double[][] points, int[] clusterOfPoint,
                                     double[][][] centerPaths) {
        int k = centerPaths.length;
        if (clusterOfPoint.length != points.length) {
            throw new IllegalArgumentException("clusterOfPoint has " + clusterOfPoint.length + " entries but there are "
                    + points.length + " points");
        }
        DefaultXYDataset pointData = new DefaultXYDataset();
        int[] counts = new int[k];
        for (int c : clusterOfPoint) {
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException("cluster must be in [0, " + k + "): " + c);
            }
            counts[c]++;
        }
        double[][][] byCluster = new double[k][][];
        for (int c = 0; c < k; c++) {
            byCluster[c] = new double[2][counts[c]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < points.length; i++) {
            int c = clusterOfPoint[i];
            byCluster[c][0][fill[c]] = points[i][0];
            byCluster[c][1][fill[c]] = points[i][1];
            fill[c]++;
        }
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        for (int c = 0; c < k; c++) {
            pointData.addSeries("cluster " + c, byCluster[c]);
            pointRenderer.setSeriesPaint(c, ChartStyle.seriesPaint(c));
            pointRenderer.setSeriesShape(c, new Ellipse2D.Double(-2, -2, 4, 4));
        }

        DefaultXYDataset pathData = new DefaultXYDataset();
        XYLineAndShapeRenderer pathRenderer = new XYLineAndShapeRenderer(true, false);
        double[][] current = new double[2][k];
        for (int c = 0; c < k; c++) {
            double[][] path = centerPaths[c];
            double[][] xy = new double[2][path.length];
            for (int s = 0; s < path.length; s++) {
                xy[0][s] = path[s][0];
                xy[1][s] = path[s][1];
            }
            current[0][c] = path.length == 0 ? Double.NaN : path[path.length - 1][0];
            current[1][c] = path.length == 0 ? Double.NaN : path[path.length - 1][1];
            pathData.addSeries("center " + c + " path", xy);
            pathRenderer.setSeriesPaint(c, ChartStyle.CENTER);
            pathRenderer.setSeriesStroke(c, new BasicStroke(1.2f));
            pathRenderer.setSeriesVisibleInLegend(c, false);
        }
        DefaultXYDataset centerData = new DefaultXYDataset();
        centerData.addSeries(CENTERS_SERIES, current);
        XYLineAndShapeRenderer centerRenderer = new XYLineAndShapeRenderer(false, true);
        centerRenderer.setSeriesPaint(0, ChartStyle.CENTER);
        centerRenderer.setSeriesShape(0, new Rectangle2D.Double(-5, -5, 10, 10));

        XYPlot plot = new XYPlot(centerData, TimeSeriesCharts.axis(text.xLabel(), false),
                TimeSeriesCharts.axis(text.yLabel(), false), centerRenderer);
        plot.setDataset(1, pathData);
        plot.setRenderer(1, pathRenderer);
        plot.setDataset(2, pointData);
        plot.setRenderer(2, pointRenderer);
        return TimeSeriesCharts.chart(text.title(), plot, true);
    }
}
