package org.streamml.viz.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.streamml.viz.chart.ChartStyle;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.Series;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * A metric over a drifting stream (prequential accuracy per batch, say) with the stream's true drift points
 * drawn as dashed blue verticals and a detector's detections as red ones.
 *
 * <pre>{@code
 * LiveDriftChart c = new LiveDriftChart("drift-sea-adwin", text, List.of("plain", "adaptive"), truePoints, 1000);
 * c.append(recordsSoFar, plainAccuracy, adaptiveAccuracy);
 * c.detection(position);
 * c.publish();
 * }</pre>
 */
public final class LiveDriftChart extends LiveChart {
    /** The colour of a true drift point. */
    public static final Color TRUE_DRIFT = new Color(40, 90, 200);
    /** The colour of a detection. */
    public static final Color DETECTION = new Color(210, 40, 40);

    private final ChartText text;
    private final List<String> names;
    private final History history;
    private final double[] driftPoints;
    private final List<Double> detections = new ArrayList<>();

    /**
     * A chart of lines called {@code names}, keeping the last {@code capacity} points, and the true drift points
     * {@code driftPoints} (x values; copied).
     */
    public LiveDriftChart(String name, ChartText text, List<String> names, double[] driftPoints, int capacity) {
        super(name);
        this.text = Objects.requireNonNull(text, "text");
        this.names = List.copyOf(names);
        if (this.names.isEmpty()) {
            throw new IllegalArgumentException("a drift chart needs at least one line");
        }
        this.history = new History(capacity, this.names.size());
        this.driftPoints = driftPoints.clone();
    }

    @Override
    public int capacity() {
        return history.capacity();
    }

    @Override
    public String title() {
        return text.title();
    }

    /** Appends one value per line at {@code x}. Not modified: values. */
    public void append(double x, double... values) {
        history.append(x, values);
    }

    /** Marks a detection at {@code x}. */
    public synchronized void detection(double x) {
        detections.add(x);
    }

    @Override
    public JFreeChart render() {
        double[][] h = history.snapshot();
        List<Series> series = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            series.add(new Series(names.get(c), h[0], h[1 + c]));
        }
        JFreeChart chart = TimeSeriesCharts.lines(text, series);
        XYPlot plot = chart.getXYPlot();
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        for (double x : driftPoints) {
            plot.addDomainMarker(new ValueMarker(x, TRUE_DRIFT, dashed), Layer.FOREGROUND);
        }
        double[] marks;
        synchronized (this) {
            marks = detections.stream().mapToDouble(Double::doubleValue).toArray();
        }
        BasicStroke solid = new BasicStroke(1f);
        for (double x : marks) {
            plot.addDomainMarker(new ValueMarker(x, DETECTION, solid), Layer.FOREGROUND);
        }
        return ChartStyle.addMarkerLegend(chart, ChartStyle.markerLine("true drift", TRUE_DRIFT, dashed),
                ChartStyle.markerLine("detection", DETECTION, solid));
    }

    /** The true drift points, a copy. */
    public double[] driftPoints() {
        return Arrays.copyOf(driftPoints, driftPoints.length);
    }
}
