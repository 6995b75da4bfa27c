package org.streamml.demos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.streamml.datasets.generators.HyperplaneGenerator;
import org.streamml.datasets.generators.SeaGenerator;
import org.streamml.datasets.generators.SeededGenerator;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.DriftDetectors;
import org.streamml.ml.drift.adaptation.AdaptiveLearner;
import org.streamml.ml.drift.adaptation.DriftEvent;
import org.streamml.ml.drift.adaptation.DriftPolicy;
import org.streamml.ml.evaluation.BatchMetrics;
import org.streamml.ml.evaluation.ClassificationMetrics;
import org.streamml.ml.evaluation.Prequential;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.DStream;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveDriftChart;

/**
 * The drift demo: two seeded drifting streams, SEA (abrupt: the concept changes at known points) and the rotating
 * hyperplane (gradual: the hyperplane turns, reversing direction at known points), each learnt by streaming
 * logistic regression in three ways on the same stream: plain (forgetting factor 1, every batch weighs the same),
 * with a fixed higher forgetting, and adaptive ({@link AdaptiveLearner}) with each detector and each
 * {@link DriftPolicy}. Every batch is scored before it is learnt (prequential); the table gives each run's
 * accuracy over the whole stream and, for the detectors, the detections, the drift points found, the mean delay
 * (records from a true drift point to the first detection after it, before the next point) and the false alarms
 * (every other detection) per 100,000 records. Charts of accuracy per batch, true drift points and detections
 * go to {@code demo-out/drift}.
 */
public final class DriftDemo implements Demo {
    /** The demo's name. */
    public static final String NAME = "drift";
    /** Records per batch unless the settings' rate says otherwise. */
    public static final int DEFAULT_PER_BATCH = 1_000;
    /** The batches of each stream unless {@code --batches} says otherwise: 100,000 records. */
    public static final int DEFAULT_BATCHES = 100;
    /** The forgetting factor of the plain model: every past batch weighs as much as the new one. */
    public static final double PLAIN_FORGETTING = 1.0;
    /** The fixed higher forgettings of the comparison runs (0 is Spark's default: no averaging at all). */
    public static final List<Double> FIXED_FORGETTING = List.of(0.8, 0.5, 0.0);
    /** The forgetting factor the adaptive runs start from, and keep between drifts. */
    public static final double ADAPTIVE_FORGETTING = 1.0;
    /**
     * How the adaptive runs adapt, apart from the policy: raise-forgetting trains the 10 batches from the detection
     * on with forgetting factor 0 (each batch's gradient descent result from the previous weights, Spark's
     * default), then goes back to {@link #ADAPTIVE_FORGETTING}.
     */
    public static final AdaptiveLearner.Options ADAPTATION = AdaptiveLearner.Options.defaults()
            .withForgettingScale(0.0).withBoostBatches(10);
    /** The policy whose runs the charts show. */
    public static final DriftPolicy CHART_POLICY = DriftPolicy.RAISE_FORGETTING;

    /**
     * One run of the table.
     *
     * @param name what ran: {@code plain}, {@code fixed forgetting} or the detector and policy
     * @param detector the detector's name, or {@code null} for the two baselines
     * @param policy the policy, or {@code null} for the baselines
     * @param accuracy the prequential accuracy over the whole stream
     * @param perBatch the accuracy of each batch
     * @param detections the positions of the batches' first drifts (one per batch that saw a drift)
     * @param score the detections scored against the true drift points, or {@code null} for the baselines
     */
    public record Run(String name, String detector, DriftPolicy policy, double accuracy, double[] perBatch,
                      long[] detections, DetectionScore score) {
    }

    /**
     * One stream's runs.
     *
     * @param stream the stream's name
     * @param records the records streamed
     * @param driftPoints the true drift points
     * @param runs the plain run, the fixed forgetting run, then detector by detector, policy by policy
     */
    public record StreamResult(String stream, long records, List<Long> driftPoints, List<Run> runs) {

        /** The run called {@code name}. */
        public Run run(String name) {
            return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no run '" + name + "'"));
        }
    }

    @Override
    public String description() {
        return "concept drift: logistic regression on SEA and rotating-hyperplane streams, plain, with fixed"
                + " forgetting and adaptive with ADWIN, DDM, EDDM, Page-Hinkley and KSWIN";
    }

    @Override
    public int defaultBatches() {
        return DEFAULT_BATCHES;
    }

    @Override
    public int run(DemoSettings settings, PrintWriter out) throws Exception {
        for (StreamResult r : execute(settings, out)) {
            printTable(r, out);
        }
        return 0;
    }

    /** The learners' settings: SGD with an intercept, 20 iterations of step 1 per batch. */
    static StreamingLogisticRegressionWithSGD.Options options(double forgetting) {
        return StreamingLogisticRegressionWithSGD.Options.defaults().withFitIntercept(true).withStepSize(1.0)
                .withNumIterations(20).withForgettingFactor(forgetting);
    }

    /** Runs both streams and returns their results (printing progress to {@code out}). */
    public List<StreamResult> execute(DemoSettings settings, PrintWriter out) throws InterruptedException {
        if (settings.checkpoint() != null) {
            throw new IllegalArgumentException("the drift demo does not checkpoint (it runs two streams one after"
                    + " the other and takes seconds): run it without --checkpoint");
        }
        int perBatch = settings.recordsPerSecond() > 0 ? (int) Math.max(1, Math.round(settings.recordsPerSecond()))
                : DEFAULT_PER_BATCH;
        int batches = settings.batchesFor(1000);
        long rows = (long) batches * perBatch;
        // Eight SEA concepts (the paper's four, twice) and ten hyperplane segments, whatever the length.
        SeaGenerator sea = new SeaGenerator(SeaGenerator.Options.defaults().withConceptLength(Math.max(1, rows / 8)),
                settings.seed(), rows);
        HyperplaneGenerator plane = new HyperplaneGenerator(HyperplaneGenerator.Options.defaults()
                .withReversalInterval(Math.max(1, rows / 10)), settings.seed(), rows);
        List<StreamResult> results = new ArrayList<>();
        try (DemoCharts charts = DemoCharts.open(settings, NAME, 1000, 450, Integer.MAX_VALUE)) {
            out.printf(Locale.ROOT, "Streaming %d batches of %,d records per stream; charts in %s%n", batches, perBatch,
                    charts.dir());
            out.flush();
            results.add(runStream("SEA (abrupt)", "sea", sea, sea.driftPoints(rows), 0.2, 5.0, rows, perBatch,
                    settings, charts));
            results.add(runStream("rotating hyperplane (gradual)", "hyperplane", plane, plane.driftPoints(rows),
                    2.0, 0.5, rows, perBatch, settings, charts));
        }
        return results;
    }

    private StreamResult runStream(String title, String id, SeededGenerator<LabeledPoint> data, List<Long> truth,
                                   double scale, double center, long rows, int perBatch, DemoSettings settings,
                                   DemoCharts charts) throws InterruptedException {
        int dim = data.take(1).get(0).features().size();
        List<Setup> setups = new ArrayList<>();
        setups.add(new Setup("plain", null, null, plainLearner(PLAIN_FORGETTING, dim)));
        for (double a : FIXED_FORGETTING) {
            setups.add(new Setup(String.format(Locale.ROOT, "fixed forgetting %.1f", a), null, null,
                    plainLearner(a, dim)));
        }
        for (String detector : DriftDetectors.names()) {
            for (DriftPolicy policy : DriftPolicy.values()) {
                AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = AdaptiveLearner.logistic(
                        plainLearner(ADAPTIVE_FORGETTING, dim), DriftDetectors.create(detector),
                        ADAPTATION.withPolicy(policy));
                setups.add(new Setup(a.detector().name() + " " + policy.cliName(), a.detector().name(), policy, a));
            }
        }
        try (StreamingContext ssc = settings.newContext(settings.onMaster(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                .withDefaultPartitions(settings.partitions()),
                Math.min(settings.partitions(), Runtime.getRuntime().availableProcessors()),
                ExecutorSettings.defaults()))) {
            // The generators' features, mapped onto [-1, 1] so one step size suits both streams.
            DStream<LabeledPoint> stream = ssc.fromIterable(data, perBatch).map(p -> scaled(p, scale, center));
            for (Setup s : setups) {
                s.eval = Prequential.classification(s.learner, stream, m -> {
                });
            }
            settings.start(ssc, new PrintWriter(java.io.Writer.nullWriter()));
            ssc.awaitTermination();
        }
        List<Run> runs = new ArrayList<>();
        for (Setup s : setups) {
            List<BatchMetrics<ClassificationMetrics>> b = s.eval.batches();
            double[] perBatchAccuracy = new double[b.size()];
            for (int i = 0; i < perBatchAccuracy.length; i++) {
                perBatchAccuracy[i] = b.get(i).metrics().accuracy();
            }
            long[] detections = s.learner instanceof AdaptiveLearner<?, ?> a
                    ? a.detections().stream().mapToLong(DriftEvent::position).toArray() : new long[0];
            runs.add(new Run(s.name, s.detector, s.policy, s.eval.summary().accuracy(), perBatchAccuracy,
                    detections, s.detector == null ? null : DetectionScore.of(detections, truth, rows)));
        }
        StreamResult result = new StreamResult(title, rows, List.copyOf(truth), List.copyOf(runs));
        chart(result, id, perBatch, charts);
        return result;
    }

    /** What one run needs while the stream runs. */
    private static final class Setup {
        private final String name;
        private final String detector;
        private final DriftPolicy policy;
        private final StreamingLearner<LabeledPoint, LogisticRegressionModel> learner;
        private Prequential<ClassificationMetrics> eval;

        Setup(String name, String detector, DriftPolicy policy,
              StreamingLearner<LabeledPoint, LogisticRegressionModel> learner) {
            this.name = name;
            this.detector = detector;
            this.policy = policy;
            this.learner = learner;
        }
    }

    private static StreamingLogisticRegressionWithSGD plainLearner(double forgetting, int dim) {
        return new StreamingLogisticRegressionWithSGD(options(forgetting)).setInitialWeights(Vectors.zeros(dim));
    }

    private static LabeledPoint scaled(LabeledPoint p, double scale, double center) {
        double[] x = p.features().toArray();
        for (int j = 0; j < x.length; j++) {
            x[j] = (x[j] - center) * scale;
        }
        return new LabeledPoint(p.label(), DenseVector.wrap(x));
    }

    /** One chart per detector: the baselines and the detector's {@link #CHART_POLICY} run. */
    private static void chart(StreamResult r, String id, int perBatch, DemoCharts charts) {
        double[] truth = r.driftPoints().stream().mapToDouble(Long::doubleValue).toArray();
        List<Run> baselines = r.runs().stream().filter(run -> run.detector() == null).toList();
        int batches = baselines.get(0).perBatch().length;
        for (Run run : r.runs()) {
            if (run.policy() != CHART_POLICY) {
                continue;
            }
            List<String> names = new ArrayList<>();
            baselines.forEach(b -> names.add(b.name()));
            names.add(run.name());
            String name = "drift-" + id + "-" + run.detector().toLowerCase(Locale.ROOT);
            LiveDriftChart c = charts.add(new LiveDriftChart(name, new ChartText(r.stream() + ": " + run.name()
                    + " (red: detections, blue: true drift points)", "record", "prequential accuracy per batch"),
                    names, truth, batches));
            double[] values = new double[names.size()];
            for (int i = 0; i < batches; i++) {
                for (int j = 0; j < baselines.size(); j++) {
                    values[j] = baselines.get(j).perBatch()[i];
                }
                values[baselines.size()] = run.perBatch()[i];
                c.append((double) (i + 1) * perBatch, values);
            }
            for (long d : run.detections()) {
                c.detection(d);
            }
            c.publish();
        }
    }

    private static void printTable(StreamResult r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%s: %,d records, true drift points at %s%n", r.stream(), r.records(),
                r.driftPoints());
        out.printf(Locale.ROOT, "  %-28s %9s %10s %9s %11s %18s%n", "run", "accuracy", "detections", "found",
                "mean delay", "false alarms/100k");
        for (Run run : r.runs()) {
            DetectionScore s = run.score();
            if (s == null) {
                out.printf(Locale.ROOT, "  %-28s %9.4f %10s %9s %11s %18s%n", run.name(), run.accuracy(), "-", "-",
                        "-", "-");
            } else {
                out.printf(Locale.ROOT, "  %-28s %9.4f %10d %9s %11s %18.1f%n", run.name(), run.accuracy(),
                        run.detections().length, s.found() + "/" + r.driftPoints().size(),
                        Double.isNaN(s.meanDelay()) ? "-" : String.format(Locale.ROOT, "%.0f", s.meanDelay()),
                        s.falseAlarmsPer100k());
            }
        }
        out.flush();
    }
}
