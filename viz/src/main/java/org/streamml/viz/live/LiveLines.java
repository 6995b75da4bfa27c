package org.streamml.viz.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.VoidFunction2;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.Series;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * Live lines over a shared x axis: prequential metrics per batch, prediction versus actual, or any
 * named curves. Each point appends one value per line.
 */
public final class LiveLines extends LiveChart {
    private final ChartText text;
    private final List<String> names;
    private final History history;
    private final BiFunction<ChartText, List<Series>, JFreeChart> draw;

    private LiveLines(String name, ChartText text, List<String> names, int capacity,
                      BiFunction<ChartText, List<Series>, JFreeChart> draw) {
        super(name);
        this.text = Objects.requireNonNull(text, "text");
        this.names = List.copyOf(names);
        if (this.names.isEmpty()) {
            throw new IllegalArgumentException("a line chart needs at least one line");
        }
        this.history = new History(capacity, this.names.size());
        this.draw = draw;
    }

    /** Lines called {@code names}, keeping the last {@code capacity} points. */
    public static LiveLines of(String name, ChartText text, List<String> names, int capacity) {
        return new LiveLines(name, text, names, capacity, TimeSeriesCharts::lines);
    }

    /**
     * Prequential metric curves (for example RMSE and MAE) over batches, titled "Prequential metrics" (give a
     * chart its own title with {@link #metrics(String, String, List, int)}).
     */
    public static LiveLines metrics(String name, List<String> metricNames, int capacity) {
        return metrics(name, "Prequential metrics", metricNames, capacity);
    }

    /** Metric curves over batches, with the legend naming each, under {@code title}. */
    public static LiveLines metrics(String name, String title, List<String> metricNames, int capacity) {
        return new LiveLines(name, new ChartText(title, "batch", "metric"), metricNames, capacity,
                TimeSeriesCharts::metricCurves);
    }

    /** Actual values and predictions: append {@code {actual, predicted}} per point. */
    public static LiveLines predictions(String name, int capacity) {
        return new LiveLines(name, new ChartText("Prediction vs actual", "record", "value"),
                List.of("actual", "predicted"), capacity,
                (t, s) -> TimeSeriesCharts.predictionVsActual(t, s.get(0), s.get(1)));
    }

    @Override
    public String title() {
        return text.title();
    }

    /** The most points the chart keeps. */
    @Override
    public int capacity() {
        return history.capacity();
    }

    /** Appends one value per line at {@code x}. Not modified: values. */
    public void append(double x, double... values) {
        history.append(x, values);
    }

    /**
     * Feeds the chart one point per batch of {@code stream}, at x = the batch's number (1, 2, ...), with
     * the values {@code valuesOfBatch} computes from the batch, off the engine's thread (see
     * {@link #attach(DStream, Points, VoidFunction2)}).
     */
    public <T> void attachPerBatch(DStream<T> stream, Function<Batch<T>, double[]> valuesOfBatch) {
        Objects.requireNonNull(valuesOfBatch, "valuesOfBatch");
        attachNumbered(stream, Points.PER_BATCH, (batch, time, number) -> append(number, valuesOfBatch.call(batch)));
    }

    /** The number of points appended so far, including those older than the history keeps. */
    public long appended() {
        return history.appended();
    }

    @Override
    public JFreeChart render() {
        double[][] h = history.snapshot();
        List<Series> series = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            series.add(new Series(names.get(c), h[0], h[1 + c]));
        }
        return draw.apply(text, series);
    }
}
