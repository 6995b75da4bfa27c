package org.streamml.viz.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.Series;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * Live multichannel time series (for example a machine's sensors) with a red marker at every anomaly and,
 * once scores are appended, a lower plot of the anomaly score against its threshold. Draws
 * {@link TimeSeriesCharts#multichannel}.
 */
public final class LiveTimeSeries extends LiveChart implements ScoredSeries {
    private static final double[] NO_VALUES = new double[0];
    private final ChartText text;
    private final List<String> channels;
    private final double threshold;
    private final History values;
    private final History scores;
    private final History anomalies;

    /**
     * A chart of {@code channels} keeping the last {@code capacity} points.
     *
     * @param threshold the anomaly-score threshold drawn on the score plot
     */
    public LiveTimeSeries(String name, ChartText text, List<String> channels, double threshold, int capacity) {
        super(name);
        this.text = Objects.requireNonNull(text, "text");
        this.channels = List.copyOf(channels);
        if (this.channels.isEmpty()) {
            throw new IllegalArgumentException("a time series chart needs at least one channel");
        }
        this.threshold = threshold;
        this.values = new History(capacity, this.channels.size());
        this.scores = new History(capacity, 1);
        this.anomalies = new History(capacity, 0);
    }

    @Override
    public String title() {
        return text.title();
    }

    /** The most points the chart keeps (readings). */
    @Override
    public int capacity() {
        return values.capacity();
    }

    /** Appends one reading of every channel at {@code x}, marked as an anomaly or not. Not modified: values. */
    public void append(double x, double[] readings, boolean anomaly) {
        values.append(x, readings);
        if (anomaly) {
            anomalies.append(x, NO_VALUES);
        }
    }

    /** Appends one reading with its anomaly score; the chart then shows the score plot. Not modified: values. */
    public void append(double x, double[] readings, double score, boolean anomaly) {
        append(x, readings, anomaly);
        scores.append(x, score);
    }

    /**
     * Appends {@code count} readings at once, taking each history's lock once instead of once per point:
     * the fast way to feed a whole batch. Reading i is {@code readings[i]} at {@code xs[i]}. Not modified:
     * any array.
     *
     * @param scoreOf the anomaly score of each reading, or {@code null} for none
     * @param anomalous whether each reading is an anomaly, or {@code null} for none
     */
    public void appendAll(double[] xs, double[][] readings, double[] scoreOf, boolean[] anomalous, int count) {
        values.appendRows(xs, readings, count);
        if (scoreOf != null) {
            scores.appendValues(xs, scoreOf, count);
        }
        if (anomalous != null) {
            for (int i = 0; i < count; i++) {
                if (anomalous[i]) {
                    anomalies.append(xs[i], NO_VALUES);
                }
            }
        }
    }

    @Override
    public double currentScore() {
        return scores.last(0);
    }

    @Override
    public long alarms() {
        return anomalies.appended();
    }

    @Override
    public double threshold() {
        return threshold;
    }

    /** The number of points appended so far, including those older than the history keeps. */
    public long appended() {
        return values.appended();
    }

    @Override
    public JFreeChart render() {
        double[][] v = values.snapshot();
        List<Series> series = new ArrayList<>(channels.size());
        for (int c = 0; c < channels.size(); c++) {
            series.add(new Series(channels.get(c), v[0], v[1 + c]));
        }
        double oldest = v[0].length == 0 ? Double.NEGATIVE_INFINITY : v[0][0];
        double[] marks = anomalies.snapshot()[0];
        int kept = 0;
        for (double m : marks) {
            if (m >= oldest) {
                marks[kept++] = m;
            }
        }
        double[][] s = scores.snapshot();
        Series score = s[0].length == 0 ? null : new Series(TimeSeriesCharts.SCORE_SERIES, s[0], s[1]);
        return TimeSeriesCharts.multichannel(text, series, Arrays.copyOf(marks, kept), score, threshold);
    }
}
