// Sensor anomalies: score a real NAB series record by record with the streaming anomaly detector,
// chart the scores, and grade the detections with the Numenta Anomaly Benchmark's scorer.
// Run it with `./streamml notebook sensor-anomalies`; the chart lands in NOTEBOOK_OUT.
import org.streamml.datasets.*;
import org.streamml.datasets.io.*;
import org.streamml.ml.anomaly.*;
import org.streamml.ml.evaluation.nab.*;
import org.streamml.viz.chart.*;
import org.streamml.viz.live.*;
import org.streamml.viz.sink.*;
import java.nio.file.*;
import java.util.*;

// The shipped NAB series: hourly office temperature, with two labelled anomaly windows (an AC failure).
NabFile file = BundledData.nab("ambient_temperature_system_failure.csv");
List<NabPoint> points = new ArrayList<>();
file.forEach(points::add);
System.out.println(points.size() + " rows, windows " + file.windows());

// One detector per series, fed in order. The score at t uses only the records up to t; isAnomaly() applies
// the detector's own threshold. A live chart keeps the values, scores and alarms.
AnomalyDetector detector = new StreamingAnomalyDetector(StreamingAnomalyDetector.Options.defaults());
LiveTimeSeries chart = new LiveTimeSeries("ambient-temperature",
        new ChartText("Office temperature and anomaly score", "record (one an hour)", "degrees F"),
        List.of("temperature"), StreamingAnomalyDetector.Options.defaults().threshold(), points.size());
long[] timestamps = new long[points.size()];
double[] scores = new double[points.size()];
for (int i = 0; i < points.size(); i++) {
    NabPoint p = points.get(i);
    timestamps[i] = p.timestamp(); // epoch millis, the wall-clock time read as UTC
    scores[i] = detector.score(timestamps[i], p.value());
    chart.append(i, new double[] {p.value()}, scores[i], detector.isAnomaly());
}

// Write the chart as a PNG: a file sink renders it once more when closed.
FileSink files = new FileSink(Path.of(NOTEBOOK_OUT), 1, 1000, 450, EnumSet.of(FileSink.Format.PNG));
files.add(chart);
chart.publish();
files.close();

// NAB: windows from the labels, 15 % probation, one threshold optimised for the profile, 0 = null detector,
// 100 = perfect. With one file the threshold is tuned to it, so read this as a sanity check, not a benchmark.
// The file's windows are already the scorer's NabWindows.
String name = "realKnownCause/ambient_temperature_system_failure.csv";
List<NabResult> results = new NabScorer(NabScorer.Options.defaults()).scoreAll(
        List.of(new NabSeries(name, timestamps, scores)), Map.of(name, file.windows()), NabProfile.all());
for (NabResult r : results) {
    System.out.printf("%-20s %7.2f  (threshold %.3f)%n", r.profile().name(), r.normalizedScore(), r.threshold());
}
if (!(results.get(0).normalizedScore() > 0)) throw new AssertionError("worse than the null detector");
if (!Files.exists(Path.of(NOTEBOOK_OUT, "ambient-temperature.png"))) throw new AssertionError("no chart");
