package org.streamml.viz.live;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.streamml.viz.chart.ChartStyle;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.Series;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * A live chart of one scored series with labelled anomaly windows (a NAB series): its values with a red
 * marker at each record the detector labels an anomaly, the anomaly score under them against the detector's
 * threshold, and the labelled windows shaded on both. It draws {@link TimeSeriesCharts#multichannel} and adds
 * the windows. The whole series is kept (its length is known up front); the engine appends while a sink
 * renders.
 *
 * <pre>{@code
 * NabSeriesChart chart = new NabSeriesChart("nyc_taxi", new ChartText("nyc_taxi", "days", "value"), 0.5,
 *         rows, List.of(new double[] {10.0, 12.5}));    // one labelled window, days 10 to 12.5
 * chart.append(0.0, 10_844.0, 0.02, false);              // x, value, anomaly score, alarm
 * chart.publish();                                       // the sinks render a snapshot
 * }</pre>
 */
public final class NabSeriesChart extends LiveChart implements ScoredSeries {
    /** The colour of a labelled anomaly window. */
    public static final Color WINDOW = new Color(60, 120, 220, 60);

    private final ChartText text;
    private final double threshold;
    private final double[] windowStarts;
    private final double[] windowEnds;
    private final double[] x;
    private final double[] values;
    private final double[] scores;
    private final double[] anomalyX;
    private int size;
    private int anomalies;

    /**
     * A chart named {@code name} for a series of at most {@code capacity} records.
     *
     * @param text the title and axis labels
     * @param threshold the detector's alarm threshold, drawn on the score plot
     * @param windows the labelled windows as {@code {start, end}} pairs in x units; not modified
     * @throws IllegalArgumentException if the capacity is negative or a window is not a pair
     */
    public NabSeriesChart(String name, ChartText text, double threshold, int capacity, List<double[]> windows) {
        super(name);
        this.text = Objects.requireNonNull(text, "text");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        for (double[] w : windows) {
            if (w.length != 2) {
                throw new IllegalArgumentException("a window must be a {start, end} pair: " + Arrays.toString(w));
            }
        }
        this.threshold = threshold;
        this.windowStarts = new double[windows.size()];
        this.windowEnds = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            windowStarts[i] = windows.get(i)[0];
            windowEnds[i] = windows.get(i)[1];
        }
        this.x = new double[capacity];
        this.values = new double[capacity];
        this.scores = new double[capacity];
        this.anomalyX = new double[capacity];
    }

    @Override
    public String title() {
        return text.title();
    }

    /** Appends one record: its position, value, anomaly score and whether it was labelled an anomaly. */
    public synchronized void append(double at, double value, double score, boolean anomaly) {
        if (size == x.length) {
            throw new IllegalStateException("chart " + name() + " holds at most " + x.length + " records");
        }
        x[size] = at;
        values[size] = value;
        scores[size] = score;
        size++;
        if (anomaly) {
            anomalyX[anomalies++] = at;
        }
    }

    @Override
    public synchronized double currentScore() {
        return size == 0 ? Double.NaN : scores[size - 1];
    }

    @Override
    public synchronized long alarms() {
        return anomalies;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    /** The number of records appended. */
    public synchronized int size() {
        return size;
    }

    @Override
    public JFreeChart render() {
        Series valueSeries;
        Series scoreSeries;
        double[] marks;
        synchronized (this) {
            double[] xs = Arrays.copyOf(x, size);
            valueSeries = new Series("value", xs, Arrays.copyOf(values, size));
            scoreSeries = new Series(TimeSeriesCharts.SCORE_SERIES, xs, Arrays.copyOf(scores, size));
            marks = Arrays.copyOf(anomalyX, anomalies);
        }
        JFreeChart chart = TimeSeriesCharts.multichannel(text, List.of(valueSeries), marks, scoreSeries, threshold);
        if (windowStarts.length > 0) {
            ChartStyle.addMarkerLegend(chart, ChartStyle.markerArea("NAB window (labelled)", WINDOW));
        }
        if (chart.getXYPlot() instanceof CombinedDomainXYPlot combined) {
            for (XYPlot plot : combined.getSubplots()) {
                shadeWindows(plot);
            }
        } else {
            shadeWindows(chart.getXYPlot());
        }
        return chart;
    }

    private void shadeWindows(XYPlot plot) {
        for (int i = 0; i < windowStarts.length; i++) {
            plot.addDomainMarker(new IntervalMarker(windowStarts[i], windowEnds[i], WINDOW), Layer.BACKGROUND);
        }
    }
}
