package org.streamml.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Charts of neural activity recorded as {@code activity[neuron][t]}: a heatmap of neurons against
 * time, the mean trace of each cluster of neurons, and both stacked on one time axis.
 */
public final class NeuralCharts {

    private NeuralCharts() {
    }

    /**
     * A heatmap with time across, one row per neuron, and a colour legend.
     *
     * @param times the time of each column, increasing
     * @param activity {@code activity[neuron][t]}, each row as long as {@code times}
     */
    public static JFreeChart heatmap(ChartText text, double[] times, double[][] activity) {
        HeatScale scale = HeatScale.over(activity);
        XYPlot plot = heatmapPlot(text.yLabel(), times, activity, scale);
        plot.setDomainAxis(TimeSeriesCharts.axis(text.xLabel(), false));
        JFreeChart chart = TimeSeriesCharts.chart(text.title(), plot, false);
        chart.addSubtitle(legend(scale));
        return chart;
    }

    /**
     * The mean activity over time of each cluster of neurons, one line per cluster that has neurons.
     *
     * @param clusterOfNeuron the cluster (from 0) of each neuron
     */
    public static JFreeChart meanTraces(ChartText text, double[] times, double[][] activity, int[] clusterOfNeuron) {
        return TimeSeriesCharts.lines(text, clusterMeans(times, activity, clusterOfNeuron));
    }

    /**
     * The heatmap above the cluster mean traces, sharing the time axis (the live neural view). The heatmap's
     * rows are the neurons grouped by cluster (cluster 0 at the bottom; within a cluster, in neuron order),
     * with a white line between two clusters, so that a cluster that fires together shows as one band.
     */
    public static JFreeChart activity(ChartText text, double[] times, double[][] activity, int[] clusterOfNeuron) {
        HeatScale scale = HeatScale.over(activity);
        List<Series> means = clusterMeans(times, activity, clusterOfNeuron);
        int[] order = byCluster(clusterOfNeuron);
        double[][] sorted = new double[activity.length][];
        for (int row = 0; row < order.length; row++) {
            sorted[row] = activity[order[row]];
        }
        XYPlot heat = heatmapPlot(text.yLabel() + " (grouped by cluster)", times, sorted, scale);
        for (int row = 1; row < order.length; row++) {
            if (clusterOfNeuron[order[row]] != clusterOfNeuron[order[row - 1]]) {
                heat.addRangeMarker(new ValueMarker(row - 0.5, Color.WHITE, new BasicStroke(1.5f)),
                        Layer.FOREGROUND);
            }
        }
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(TimeSeriesCharts.axis(text.xLabel(), false));
        combined.setGap(8);
        combined.add(heat, 2);
        combined.add(TimeSeriesCharts.linePlot(means, "cluster mean", 0), 1);
        JFreeChart chart = TimeSeriesCharts.chart(text.title(), combined, true);
        chart.addSubtitle(legend(scale));
        return chart;
    }

    /** The neurons in cluster order, each cluster's in neuron order (a stable sort by cluster). */
    static int[] byCluster(int[] clusterOfNeuron) {
        Integer[] order = new Integer[clusterOfNeuron.length];
        for (int n = 0; n < order.length; n++) {
            order[n] = n;
        }
        Arrays.sort(order, Comparator.comparingInt(n -> clusterOfNeuron[n]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** The mean trace of each non-empty cluster, named {@code "cluster c (n)"} with n its neurons. */
    public static List<Series> clusterMeans(double[] times, double[][] activity, int[] clusterOfNeuron) {
        checkShape(times, activity);
        if (clusterOfNeuron.length != activity.length) {
            throw new IllegalArgumentException("clusterOfNeuron has " + clusterOfNeuron.length
                    + " entries but there are " + activity.length + " neurons");
        }
        int k = 0;
        for (int c : clusterOfNeuron) {
            if (c < 0) {
                throw new IllegalArgumentException("cluster must be >= 0: " + c);
            }
            k = Math.max(k, c + 1);
        }
        double[][] sums = new double[k][times.length];
        int[] counts = new int[k];
        for (int n = 0; n < activity.length; n++) {
            int c = clusterOfNeuron[n];
            counts[c]++;
            double[] row = activity[n];
            double[] sum = sums[c];
            for (int t = 0; t < row.length; t++) {
                sum[t] += row[t];
            }
        }
        List<Series> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double[] mean = sums[c];
            for (int t = 0; t < mean.length; t++) {
                mean[t] /= counts[c];
            }
            out.add(new Series("cluster " + c + " (" + counts[c] + ")", times, mean));
        }
        return out;
    }

    private static XYPlot heatmapPlot(String yLabel, double[] times, double[][] activity, HeatScale scale) {
        checkShape(times, activity);
        int cells = times.length * activity.length;
        double[][] xyz = new double[3][cells];
        int i = 0;
        for (int n = 0; n < activity.length; n++) {
            for (int t = 0; t < times.length; t++) {
                xyz[0][i] = times[t];
                xyz[1][i] = n;
                xyz[2][i] = activity[n][t];
                i++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("activity", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(times.length > 1 ? (times[times.length - 1] - times[0]) / (times.length - 1) : 1);
        renderer.setBlockHeight(1);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setDefaultSeriesVisibleInLegend(false);
        NumberAxis neurons = new NumberAxis(yLabel);
        neurons.setAutoRangeIncludesZero(false);
        neurons.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, null, neurons, renderer);
        ChartStyle.applyToPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    private static PaintScaleLegend legend(HeatScale scale) {
        NumberAxis axis = new NumberAxis("activity");
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 4, 4, 4);
        return legend;
    }

    private static void checkShape(double[] times, double[][] activity) {
        for (int n = 0; n < activity.length; n++) {
            if (activity[n].length != times.length) {
                throw new IllegalArgumentException("activity row " + n + " has " + activity[n].length
                        + " values but there are " + times.length + " times");
            }
        }
    }
}
