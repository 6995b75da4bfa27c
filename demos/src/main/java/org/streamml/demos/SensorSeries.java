package org.streamml.demos;

import java.util.ArrayList;
import java.util.List;
import org.streamml.datasets.BundledData;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabPoint;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.ScoredObservation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabWindow;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.NabSeriesChart;

/**
 * One shipped NAB series replayed by the sensors demo: its records, its labelled windows, and the scores its
 * own detector (run by {@link org.streamml.ml.anomaly.AnomalyStreams#scoreByKey}) gave so far.
 * The engine hands it one scored batch at a time, in order (the keyed operator scores and returns each series'
 * records in stream order), from one thread at a time.
 */
final class SensorSeries {
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final String file;
    private final List<Observation> points;
    private final List<NabWindow> windows;
    private final long[] timestamps;
    private final double[] scores;
    private final boolean[] anomalies;
    private final NabSeriesChart chart;
    private int scored;
    private int flagged;

    private SensorSeries(String file, List<Observation> points, List<NabWindow> windows,
                         NabSeriesChart chart) {
        this.file = file;
        this.points = points;
        this.windows = windows;
        this.timestamps = new long[points.size()];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = points.get(i).timestampMillis();
        }
        this.scores = new double[points.size()];
        this.anomalies = new boolean[points.size()];
        this.chart = chart;
    }

    /**
     * The first {@code maxRows} records of the shipped {@code realKnownCause/FILE} and a chart of them, whose
     * threshold line is that of a detector of {@code options}.
     */
    static SensorSeries load(String file, int maxRows, StreamingAnomalyDetector.Options options) {
        NabFile nab = BundledData.nab(file);
        List<Observation> points = new ArrayList<>();
        for (NabPoint p : nab) {
            if (points.size() == maxRows) {
                break;
            }
            points.add(new Observation(p.timestamp(), p.value()));
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("shipped NAB series " + file + " has no rows");
        }
        List<NabWindow> windows = nab.windows();
        List<double[]> shaded = new ArrayList<>();
        long origin = points.get(0).timestampMillis();
        for (NabWindow window : windows) {
            shaded.add(new double[] {days(window.startMillis(), origin), days(window.endMillis(), origin)});
        }
        String base = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        NabSeriesChart chart = new NabSeriesChart(base, new ChartText(
                base + ": value, anomaly score and NAB windows (shaded)", "days since the first record", "value"),
                options.threshold(), points.size(), shaded);
        return new SensorSeries(file, List.copyOf(points), List.copyOf(windows), chart);
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
    List<Observation> points() {
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

    /** Takes the next scored records of the series, in order, and publishes the chart. */
    void record(List<ScoredObservation> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long origin = timestamps[0];
        for (ScoredObservation o : batch) {
            if (scored == timestamps.length || o.timestampMillis() != timestamps[scored]) {
                throw new IllegalStateException(file + ": a record at " + o.timestampMillis() + " arrived while"
                        + " record " + scored + " was expected; the series must be replayed in order");
            }
            scores[scored] = o.score();
            anomalies[scored] = o.anomaly();
            if (o.anomaly()) {
                flagged++;
            }
            chart.append(days(o.timestampMillis(), origin), o.value(), o.score(), o.anomaly());
            scored++;
        }
        chart.publish();
    }

    /**
     * What a checkpoint keeps of the series' results: the records scored so far, with their scores and
     * anomaly labels.
     *
     * @param scored the records scored
     * @param scores their scores
     * @param anomalies which of them the detector labelled anomalies
     */
    record Progress(int scored, double[] scores, boolean[] anomalies) {
    }

    /** The results so far, for a checkpoint. */
    Progress progress() {
        return new Progress(scored, java.util.Arrays.copyOf(scores, scored),
                java.util.Arrays.copyOf(anomalies, scored));
    }

    /** Puts back a checkpoint's results into this fresh series, and its chart up to them. */
    void restore(Object state) {
        if (!(state instanceof Progress p) || p.scored() < 0 || p.scored() > points.size()
                || p.scores().length != p.scored() || p.anomalies().length != p.scored()) {
            throw new IllegalArgumentException(file + ": the checkpoint does not hold this series' results: " + state);
        }
        if (scored != 0) {
            throw new IllegalStateException(file + ": results can only be restored into a fresh series");
        }
        long origin = timestamps[0];
        for (int i = 0; i < p.scored(); i++) {
            scores[i] = p.scores()[i];
            anomalies[i] = p.anomalies()[i];
            if (anomalies[i]) {
                flagged++;
            }
            Observation o = points.get(i);
            chart.append(days(o.timestampMillis(), origin), o.value(), scores[i], anomalies[i]);
        }
        scored = p.scored();
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
