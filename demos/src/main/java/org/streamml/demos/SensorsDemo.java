package org.streamml.demos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.streamml.datasets.BundledData;
import org.streamml.ml.anomaly.AnomalyStreams;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.ScoredObservation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.evaluation.nab.NabFileResult;
import org.streamml.ml.evaluation.nab.NabProfile;
import org.streamml.ml.evaluation.nab.NabResult;
import org.streamml.ml.evaluation.nab.NabScorer;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabWindow;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.Clock;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.source.IterableSource;

/**
 * The sensors demo, {@code streamml demo}'s default: the shipped NAB {@code realKnownCause} series (machine
 * temperatures, CPU load, request latencies, taxi demand, keystroke timings with known failures) replayed as
 * streams through the engine, one stream of one partition per series, unioned into one keyed stream that
 * {@link AnomalyStreams#scoreByKey} scores (each series record by record by its own
 * {@link StreamingAnomalyDetector}, whose state is engine state; the series spread over partitions, on
 * two threads or the workers of {@code --master}). Every series gets a live chart of its
 * values, anomaly scores and the labelled NAB windows; at the end the scores of the whole corpus go through the {@link NabScorer} and the
 * NAB table is printed for the standard, reward-low-FP and reward-low-FN profiles.
 */
public final class SensorsDemo implements Demo {
    /** The demo's name: its charts go to {@code demo-out/sensors} by default. */
    public static final String NAME = "sensors";
    /** The batch interval: each second of stream time replays one batch of every series. */
    public static final Duration BATCH = Duration.ofSeconds(1);
    /** Records of each series per batch unless the settings' rate says otherwise: a day of 5-minute readings. */
    public static final int DEFAULT_ROWS_PER_BATCH = 288;

    /**
     * What a run found.
     *
     * @param scores the NAB score of the corpus for each profile, standard first; empty when the records
     *        replayed hold no labelled window after the probationary period
     * @param series the series replayed
     * @param records the records scored over all series
     * @param flagged the records the detector labelled anomalies by its own threshold
     * @param batches the batches run
     * @param processingNanos the sum of the batches' processing times
     * @param dashboard the dashboard's address, or empty without one
     */
    public record Result(List<NabResult> scores, int series, long records, long flagged, int batches,
                         long processingNanos, String dashboard) {
        /** The result for {@code profile}. */
        public NabResult score(NabProfile profile) {
            return scores.stream().filter(r -> r.profile().equals(profile)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no score for profile " + profile.name()));
        }
    }

    @Override
    public String description() {
        return "anomaly detection on the NAB realKnownCause series replayed as streams, with the NAB score table";
    }

    /** Replays every series to its end unless {@code --batches} or {@code --duration} say otherwise. */
    @Override
    public int defaultBatches() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int run(DemoSettings settings, PrintWriter out) throws Exception {
        Result r = execute(settings, out);
        printSummary(r, out);
        return 0;
    }

    /** The shipped NAB series, e.g. {@code nyc_taxi.csv}, in catalogue order. */
    public static List<String> files() {
        List<String> files = new ArrayList<>();
        for (BundledData.Entry e : BundledData.list()) {
            if (e.format() == BundledData.Format.NAB) {
                files.add(e.name().substring(e.name().lastIndexOf('/') + 1));
            }
        }
        return files;
    }

    private static int rowsPerBatch(DemoSettings settings) {
        double rate = settings.recordsPerSecond();
        return rate > 0 ? (int) Math.max(1, Math.round(rate * BATCH.toMillis() / 1000.0)) : DEFAULT_ROWS_PER_BATCH;
    }

    /** Replays the series, printing progress to {@code out}, and scores the detections with the NAB scorer. */
    public Result execute(DemoSettings settings, PrintWriter out) throws InterruptedException {
        int perBatch = rowsPerBatch(settings);
        long maxRows = (long) settings.batchesFor(BATCH.toMillis()) * perBatch;
        int cap = (int) Math.min(Integer.MAX_VALUE, maxRows);
        StreamingAnomalyDetector.Options detectorOptions = StreamingAnomalyDetector.Options.defaults();
        List<SensorSeries> corpus = new ArrayList<>();
        for (String file : files()) {
            corpus.add(SensorSeries.load(file, cap, detectorOptions));
        }
        Clock clock = settings.realTime() ? Clock.system() : new FastForwardClock();
        long[] totals = new long[2];   // batches, processing nanoseconds; on the scheduler thread
        String dashboard;
        try (DemoCharts charts = DemoCharts.open(settings, NAME, 1200, 500, 25);
             StreamingContext ssc = settings.newContext(settings.onMaster(StreamingContext.Options.defaults()
                     .withBatchInterval(BATCH).withClock(clock).withDefaultPartitions(1), 2,
                     ExecutorSettings.defaults()))) {
            dashboard = charts.dashboardUri().orElse("");
            charts.attachBatchMetrics(ssc);
            if (!dashboard.isEmpty()) {
                out.println("Live dashboard: " + dashboard);
            }
            out.printf("Replaying %d NAB realKnownCause series, %d records of each per batch; charts in %s%n",
                    corpus.size(), perBatch, charts.dir());
            out.flush();
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    totals[0]++;
                    totals[1] += info.processingNanos();
                }
            });
            ssc.registerCheckpointed(Checkpointed.of("SensorsDemo totals", totals::clone,
                    state -> System.arraycopy((long[]) state, 0, totals, 0, totals.length)));
            // One keyed stream of every series (each replayed by its own source, perBatch records a batch), scored
            // by the keyed operator: the series spread over the partitions, each detector's state in engine state.
            DStream<Pair<Integer, Observation>> all = null;
            for (int k = 0; k < corpus.size(); k++) {
                SensorSeries s = corpus.get(k);
                charts.add(s.chart());
                int key = k;
                DStream<Pair<Integer, Observation>> series = ssc.source(new IterableSource<>(s.points(), perBatch), 1)
                        .map(o -> Pair.of(key, o));
                all = all == null ? series : all.union(series);
                ssc.registerCheckpointed(Checkpointed.of("SensorSeries " + s.file(), s::progress, s::restore));
            }
            int partitions = Math.max(1, Math.min(corpus.size(), ssc.executor().parallelism()));
            AnomalyStreams.scoreByKey(PairDStream.of(all), detectorOptions, partitions).foreachBatch((b, t) -> {
                List<List<ScoredObservation>> bySeries = new ArrayList<>();
                corpus.forEach(s -> bySeries.add(new ArrayList<>()));
                for (Pair<Integer, ScoredObservation> p : b.collect()) {
                    bySeries.get(p.key()).add(p.value());
                }
                for (int k = 0; k < corpus.size(); k++) {
                    corpus.get(k).record(bySeries.get(k));
                }
            });
            settings.start(ssc, out);
            ssc.awaitTermination();
        }
        long records = 0;
        long flagged = 0;
        List<NabSeries> results = new ArrayList<>();
        Map<String, List<NabWindow>> windows = new TreeMap<>();
        for (SensorSeries s : corpus) {
            records += s.scored();
            flagged += s.flagged();
            results.add(s.result());
            windows.put(s.corpusName(), s.windows());
        }
        List<NabResult> scores = hasScoredWindow(results, windows) ? new NabScorer(NabScorer.Options.defaults())
                .scoreAll(results, windows, NabProfile.all()) : List.of();
        return new Result(scores, corpus.size(), records, flagged, (int) totals[0], totals[1], dashboard);
    }

    /**
     * Whether some labelled window starts after the probationary period (NAB's 15 % of the first 5,000 rows)
     * of the records replayed; a short replay may hold none, and then has no NAB score.
     */
    private static boolean hasScoredWindow(List<NabSeries> corpus, Map<String, List<NabWindow>> windows) {
        for (NabSeries s : corpus) {
            int probation = (int) Math.ceil(Math.min(Math.floor(0.15 * s.size()), 0.15 * 5000));
            long lastProbationary = probation == 0 ? Long.MIN_VALUE : s.timestamps()[probation - 1];
            long last = s.timestamps()[s.size() - 1];
            for (NabWindow w : windows.get(s.name())) {
                if (w.endMillis() > lastProbationary && w.startMillis() <= last) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Prints the summary and the NAB tables of {@code r}. */
    static void printSummary(Result r, PrintWriter out) {
        double seconds = r.processingNanos() / 1e9;
        out.println();
        out.println("Summary");
        out.printf("  series: %d, records: %,d, batches: %d, processing: %.3f s (%,.0f records/s)%n", r.series(),
                r.records(), r.batches(), seconds, seconds > 0 ? r.records() / seconds : 0.0);
        out.printf("  labelled anomalies by the detector's own threshold: %,d%n", r.flagged());
        if (r.scores().isEmpty()) {
            out.println("  no NAB score: the records replayed hold no anomaly window after NAB's probationary period;"
                    + " replay more batches");
            out.flush();
            return;
        }
        NabResult standard = r.scores().get(0);
        out.println();
        out.println("NAB score per file, standard profile (threshold " + fmt(standard.threshold()) + ")");
        out.printf("  %-40s %6s %8s %6s %16s %8s%n", "file", "rows", "windows", "found", "false positives", "raw");
        for (NabFileResult f : standard.files()) {
            out.printf("  %-40s %6d %8d %6d %16d %+8.3f%n", f.name().substring(f.name().indexOf('/') + 1), f.rows(),
                    f.windows(), f.detectedWindows(), f.falsePositives(), f.rawScore());
        }
        out.println();
        out.println("NAB scores, realKnownCause (0 = null detector, 100 = perfect)");
        out.printf("  %-20s %8s %10s%n", "profile", "score", "threshold");
        for (NabResult p : r.scores()) {
            out.printf("  %-20s %8.2f %10s%n", p.profile().name(), p.normalizedScore(), fmt(p.threshold()));
        }
        out.flush();
    }

    private static String fmt(double threshold) {
        return Double.isInfinite(threshold) ? "none" : String.format("%.4f", threshold);
    }
}
