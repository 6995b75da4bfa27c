package org.streamml.viz.chart;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Line charts over time or batches: sensor channels with anomaly markers and an anomaly-score band,
 * prediction versus actual, prequential metric curves, model parameters per batch, and the engine's
 * throughput and latency. Every method takes plain data and returns a new chart; arrays are not modified.
 */
public final class TimeSeriesCharts {
    /** The key of the anomaly-score series in the lower plot of {@link #multichannel}. */
    public static final String SCORE_SERIES = "anomaly score";
    private static final BasicStroke ANOMALY_STROKE = new BasicStroke(2f);
    /**
     * Lines are drawn through at most 5 points per bucket of this many ({@link Series#downsampled}): more
     * than the pixels across any chart StreamML draws, so the picture is the same as with every point.
     */
    static final int DRAWN_BUCKETS = 2000;

    private TimeSeriesCharts() {
    }

    /**
     * Several channels on one time axis, a red vertical marker at every anomaly and, when {@code score}
     * is given, a lower plot of the anomaly score with its threshold drawn as a line over a shaded band.
     *
     * @param channels the channels, one line each
     * @param anomalyX the x values of the anomalies (each gets a marker on both plots)
     * @param score the anomaly score over the same x axis, or {@code null} for no lower plot
     * @param threshold the score above which a point is an anomaly (ignored without {@code score})
     */
    public static JFreeChart multichannel(ChartText text, List<Series> channels, double[] anomalyX, Series score,
                                          double threshold) {
        Objects.requireNonNull(anomalyX, "anomalyX");
        XYPlot main = linePlot(channels, text.yLabel(), 0);
        addAnomalyMarkers(main, anomalyX);
        if (score == null) {
            main.setDomainAxis(axis(text.xLabel(), false));
            JFreeChart chart = chart(text.title(), main, channels.size() > 1);
            return anomalyX.length == 0 ? chart : ChartStyle.addMarkerLegend(chart, alarmLegend());
        }
        XYPlot lower = linePlot(List.of(score), SCORE_SERIES, 0);
        lower.getRenderer().setSeriesPaint(0, ChartStyle.THRESHOLD_LINE.darker());
        double top = Math.max(threshold, max(score.y())) * 1.05 + 1e-9;
        IntervalMarker band = new IntervalMarker(threshold, top, ChartStyle.THRESHOLD_BAND);
        lower.addRangeMarker(band, Layer.BACKGROUND);
        ValueMarker line = new ValueMarker(threshold, ChartStyle.THRESHOLD_LINE, new BasicStroke(1.5f));
        line.setLabel("threshold " + threshold);
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        lower.addRangeMarker(line, Layer.FOREGROUND);
        addAnomalyMarkers(lower, anomalyX);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(axis(text.xLabel(), false));
        combined.setGap(8);
        combined.add(main, 3);
        combined.add(lower, 1);
        return ChartStyle.addMarkerLegend(chart(text.title(), combined, true), alarmLegend());
    }

    /** The legend entry of the anomaly markers: "alarm", a red vertical line. */
    public static LegendItem alarmLegend() {
        return ChartStyle.markerLine("alarm", ChartStyle.ANOMALY, ANOMALY_STROKE);
    }

    /** One line per series on shared axes; the generic chart behind the more specific ones below. */
    public static JFreeChart lines(ChartText text, List<Series> series) {
        XYPlot plot = linePlot(series, text.yLabel(), 0);
        plot.setDomainAxis(axis(text.xLabel(), false));
        return chart(text.title(), plot, series.size() > 1);
    }

    /** The actual values and a model's predictions of them, the prediction drawn dashed. */
    public static JFreeChart predictionVsActual(ChartText text, Series actual, Series predicted) {
        JFreeChart chart = lines(text, List.of(actual, predicted));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        return chart;
    }

    /** Prequential (test-then-train) metrics, one curve per metric, over batches, with a legend even for one. */
    public static JFreeChart metricCurves(ChartText text, List<Series> metrics) {
        XYPlot plot = linePlot(metrics, text.yLabel(), 0);
        plot.setDomainAxis(axis(text.xLabel(), false));
        return wholeNumbersAcross(chart(text.title(), plot, true));
    }

    /**
     * Model parameters over batches: one line per parameter.
     *
     * @param batches the batch numbers (x values)
     * @param values {@code values[i][p]} is parameter p after batch i
     * @param names the parameters' names, as many as each row of {@code values}
     */
    public static JFreeChart parameters(ChartText text, double[] batches, double[][] values, String[] names) {
        if (values.length != batches.length) {
            throw new IllegalArgumentException("parameters has " + values.length + " rows but " + batches.length
                    + " batches");
        }
        List<Series> series = new java.util.ArrayList<>(names.length);
        for (int p = 0; p < names.length; p++) {
            double[] y = new double[batches.length];
            for (int i = 0; i < batches.length; i++) {
                if (values[i].length != names.length) {
                    throw new IllegalArgumentException("parameter row " + i + " has " + values[i].length
                            + " values but there are " + names.length + " names");
                }
                y[i] = values[i][p];
            }
            series.add(new Series(names[p], batches, y));
        }
        return wholeNumbersAcross(lines(text, series));
    }

    /**
     * The engine's throughput (records per second of processing time) above its per-batch latency
     * (processing time and total delay, in milliseconds), sharing the batch axis.
     */
    public static JFreeChart batchMetrics(String title, double[] batches, double[] recordsPerSecond,
                                          double[] processingMillis, double[] totalDelayMillis) {
        XYPlot throughput = linePlot(List.of(new Series("records/s", batches, recordsPerSecond)), "records/s", 0);
        XYPlot latency = linePlot(List.of(new Series("processing ms", batches, processingMillis),
                new Series("total delay ms", batches, totalDelayMillis)), "latency (ms)", 1);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(axis("batch", false));
        combined.setGap(8);
        combined.add(throughput, 1);
        combined.add(latency, 1);
        return wholeNumbersAcross(chart(title, combined, true));
    }

    /** Gives the chart's horizontal axis whole-number ticks (batches are counted, not measured). */
    private static JFreeChart wholeNumbersAcross(JFreeChart chart) {
        chart.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    static XYPlot linePlot(List<Series> series, String yLabel, int firstColour) {
        DefaultXYDataset data = new DefaultXYDataset();
        for (Series s : series) {
            Series drawn = s.downsampled(DRAWN_BUCKETS);
            data.addSeries(s.name(), new double[][] {drawn.x(), drawn.y()});
        }
        XYPlot plot = new XYPlot(data, null, axis(yLabel, true), ChartStyle.lines(series.size(), firstColour));
        ChartStyle.applyToPlot(plot);
        return plot;
    }

    static NumberAxis axis(String label, boolean includeZero) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(includeZero);
        return axis;
    }

    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        return ChartStyle.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend));
    }

    private static void addAnomalyMarkers(XYPlot plot, double[] anomalyX) {
        for (double x : anomalyX) {
            plot.addDomainMarker(new ValueMarker(x, ChartStyle.ANOMALY, ANOMALY_STROKE), Layer.FOREGROUND);
        }
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > m) {
                m = v;
            }
        }
        return m == Double.NEGATIVE_INFINITY ? 0 : m;
    }
}
