package org.streamml.cli.demo;

import java.util.ArrayList;
import java.util.List;
import org.streamml.datasets.BundledData;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabPoint;
import org.streamml.ml.anomaly.AnomalyDetector;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabWindow;
import org.streamml.viz.chart.ChartText;

/**
 * One shipped NAB series replayed by the sensors demo: its records, its labelled windows, its own streaming
 * anomaly detector and the scores the detector gave so far. The engine feeds it one batch at a time, in
 * order (the series' stream has one partition), from one thread at a time.
 */
final class SensorSeries {
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final String file;
    private final List<NabPoint> points;
    private final List<NabWindow> windows;
    private final long[] timestamps;
    private final double[] scores;
    private final AnomalyDetector detector;
    private final NabSeriesChart chart;
    private int scored;
    private int flagged;

    private SensorSeries(String file, List<NabPoint> points, List<NabWindow> windows, AnomalyDetector detector,
                         NabSeriesChart chart) {
        this.file = file;
        this.points = points;
        this.windows = windows;
        this.timestamps = new long[points.size()];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = points.get(i).timestamp();
        }
        this.scores = new double[points.size()];
        this.detector = detector;
        this.chart = chart;
    }

    /**
     * The first {@code maxRows} records of the shipped {@code realKnownCause/FILE} with a fresh detector of
     * {@code options} and a chart of them.
     */
    static SensorSeries load(String file, int maxRows, StreamingAnomalyDetector.Options options) {
        NabFile nab = BundledData.nab(file);
        List<NabPoint> points = new ArrayList<>();
        for (NabPoint p : nab) {
            if (points.size() == maxRows) {
                break;
            }
            points.add(p);
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("shipped NAB series " + file + " has no rows");
        }
        List<NabWindow> windows = nab.windows();
        List<double[]> shaded = new ArrayList<>();
        long origin = points.get(0).timestamp();
        for (NabWindow window : windows) {
            shaded.add(new double[] {days(window.startMillis(), origin), days(window.endMillis(), origin)});
        }
        String base = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        NabSeriesChart chart = new NabSeriesChart(base, new ChartText(
                base + ": value, anomaly score and NAB windows (shaded)", "days since the first record", "value"),
                options.threshold(), points.size(), shaded);
        return new SensorSeries(file, List.copyOf(points), List.copyOf(windows),
                new StreamingAnomalyDetector(options), chart);
    }

    private static double days(long millis, long origin) {
        return (millis - origin) / MILLIS_PER_DAY;
    }

    /** The file's name in NAB's corpus, e.g. {@code realKnownCause/nyc_taxi.csv}. */
    String corpusName() {
        return "realKnownCause/" + file;
    }

    /** The shipped file's name, e.g. {@code nyc_taxi.csv}. */
    String file() {
        return file;
    }

    /** The records to replay, in file order. */
    List<NabPoint> points() {
        return points;
    }

    /** The labelled anomaly windows. */
    List<NabWindow> windows() {
        return windows;
    }

    /** The live chart of the series. */
    NabSeriesChart chart() {
        return chart;
    }

    /** Scores the next records of the series, in order, and publishes the chart. */
    void score(List<NabPoint> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long origin = timestamps[0];
        for (NabPoint p : batch) {
            if (p.index() != scored) {
                throw new IllegalStateException(file + ": record " + p.index() + " arrived while record " + scored
                        + " was expected; the series must be replayed in order");
            }
            long t = timestamps[scored];
            double s = detector.score(t, p.value());
            scores[scored] = s;
            boolean anomaly = detector.isAnomaly();
            if (anomaly) {
                flagged++;
            }
            chart.append(days(t, origin), p.value(), s, anomaly);
            scored++;
        }
        chart.publish();
    }

    /** The records scored so far. */
    int scored() {
        return scored;
    }

    /** The records the detector labelled anomalies by its own threshold. */
    int flagged() {
        return flagged;
    }

    /** The detector's output for the NAB scorer. */
    NabSeries result() {
        if (scored != points.size()) {
            throw new IllegalStateException(file + ": " + scored + " of " + points.size() + " records scored");
        }
        return new NabSeries(corpusName(), timestamps, scores);
    }
}
