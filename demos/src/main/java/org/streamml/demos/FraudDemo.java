package org.streamml.demos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.streamml.datasets.generators.TransactionGenerator;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.Ddm;
import org.streamml.ml.drift.DriftSignal;
import org.streamml.ml.drift.adaptation.AdaptiveLearner;
import org.streamml.ml.drift.adaptation.DriftPolicy;
import org.streamml.ml.evaluation.BinaryMetrics;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.offline.LogisticRegressionNewton;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.Clock;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.StreamingContext;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveDriftChart;

/**
 * The fraud demo: a logistic model trained offline ({@link LogisticRegressionNewton}) on a historical slice of
 * the {@code transactions} generator, then the rest streamed batch by batch while the world drifts
 * ({@link TransactionGenerator.Drift#over}: card testing appears a quarter of the way in, unusual-amount fraud
 * fades from half way, genuine spending follows a season). Each batch is first scored (prequentially) by three
 * models: the online one, a {@link StreamingLogisticRegressionWithSGD} started from the offline model and
 * updated by every batch; the drift-adaptive one, the same learner wrapped in an {@link AdaptiveLearner} that
 * watches its own errors with {@link Ddm} and forgets faster for a few batches after a drift; and the offline
 * model left frozen. Alerts are raised at probability &gt;= {@value #ALERT_THRESHOLD}; precision, recall and
 * AUC of the three are printed and charted per batch, with the true drift points and the detections; then
 * the two learning models learn from the batch's labels. The summary compares them over the whole stream.
 */
public final class FraudDemo implements Demo {
    /** The demo's name: its charts go to {@code demo-out/fraud} by default. */
    public static final String NAME = "fraud";
    /** The batch interval of the stream. */
    public static final Duration BATCH = Duration.ofSeconds(1);
    /** Transactions per batch unless the settings' rate says otherwise. */
    public static final int DEFAULT_PER_BATCH = 5_000;
    /** The transactions of the historical slice the offline model trains on. */
    public static final int HISTORY = 40_000;
    /** The batches streamed unless {@code --batches} says otherwise. */
    public static final int DEFAULT_BATCHES = 20;
    /** The probability from which a transaction raises an alert. */
    public static final double ALERT_THRESHOLD = 0.5;

    /**
     * How the adaptive model reacts to a drift: for 3 batches from the detection on, the forgetting factor is
     * multiplied by 0.1 (the 10-batch half-life of {@link #onlineOptions()} becomes about one batch).
     */
    public static final AdaptiveLearner.Options ADAPTATION = AdaptiveLearner.Options.defaults()
            .withPolicy(DriftPolicy.RAISE_FORGETTING).withBoostBatches(3).withForgettingScale(0.1);

    /**
     * What a run found.
     *
     * @param online the online model's metrics per batch
     * @param adaptive the drift-adaptive model's metrics per batch
     * @param frozen the frozen offline model's metrics per batch
     * @param onlineTotal the online model's metrics over the whole stream
     * @param adaptiveTotal the adaptive model's metrics over the whole stream
     * @param frozenTotal the frozen model's metrics over the whole stream
     * @param detections the batches (1-based) in which the adaptive model's detector saw a drift
     * @param driftBatches the batches (1-based) where the stream's new pattern starts to appear and its old
     *        one starts to fade
     * @param historyFraud the frauds in the historical slice
     * @param transactions the transactions streamed
     * @param finalModel the online model after the last batch
     */
    public record Result(List<BinaryMetrics> online, List<BinaryMetrics> adaptive, List<BinaryMetrics> frozen,
                         BinaryMetrics onlineTotal, BinaryMetrics adaptiveTotal, BinaryMetrics frozenTotal,
                         List<Integer> detections, double[] driftBatches, int historyFraud, long transactions,
                         LogisticRegressionModel finalModel) {
    }

    /** A transaction as streamed: its id and its label with its standardised features. */
    record Txn(long id, LabeledPoint point) {
    }

    @Override
    public String description() {
        return "fraud alerts on drifting transactions: a model trained offline, frozen, updated online, and"
                + " drift-adaptive";
    }

    @Override
    public int defaultBatches() {
        return DEFAULT_BATCHES;
    }

    @Override
    public int run(DemoSettings settings, PrintWriter out) throws Exception {
        printSummary(execute(settings, out), out);
        return 0;
    }

    /** The online learner's settings: Spark's SGD with an intercept, a light L2 and a 10-batch memory. */
    public static StreamingLogisticRegressionWithSGD.Options onlineOptions() {
        return StreamingLogisticRegressionWithSGD.Options.defaults().withFitIntercept(true).withStepSize(5.0)
                .withNumIterations(20).withRegParam(1e-4).withHalfLife(10);
    }

    /** Trains the offline model: L2-penalised logistic regression by Newton's method over the history. */
    static LogisticRegressionModel trainOffline(List<LabeledPoint> history) {
        return new LogisticRegressionNewton(LogisticRegressionNewton.Options.defaults().withL2(1.0)).fit(history);
    }

    /** Trains offline, streams the rest printing each batch's metrics to {@code out}, and returns the results. */
    public Result execute(DemoSettings settings, PrintWriter out) throws InterruptedException {
        int perBatch = settings.recordsPerSecond() > 0
                ? (int) Math.max(1, Math.round(settings.recordsPerSecond() * BATCH.toMillis() / 1000.0))
                : DEFAULT_PER_BATCH;
        int batches = settings.batchesFor(BATCH.toMillis());
        long streamed = (long) batches * perBatch;
        TransactionGenerator.Drift drift = TransactionGenerator.Drift.over(HISTORY, Math.max(8, streamed));
        TransactionGenerator generator = new TransactionGenerator(TransactionGenerator.Options.defaults()
                .withDrift(drift), settings.seed(), HISTORY + streamed);
        FraudData data = new FraudData(generator, HISTORY);
        double[] driftBatches = {1 + (double) (drift.newPatternFrom() - HISTORY) / perBatch,
            1 + (double) (drift.fadeFrom() - HISTORY) / perBatch};
        int historyFraud = (int) data.history().stream().filter(p -> p.label() == 1).count();
        LogisticRegressionModel frozen = trainOffline(data.history());
        out.printf("Offline model trained on %,d historical transactions (%d frauds), %d features%n", HISTORY,
                historyFraud, FraudFeatures.DIMENSION);
        out.printf("The stream drifts: card testing appears from batch %.1f, unusual amounts fade from batch %.1f,"
                + " genuine spending follows a season%n", driftBatches[0], driftBatches[1]);
        StreamingLogisticRegressionWithSGD online = new StreamingLogisticRegressionWithSGD(onlineOptions());
        online.setInitialModel(frozen);
        StreamingLogisticRegressionWithSGD watched = new StreamingLogisticRegressionWithSGD(onlineOptions());
        watched.setInitialModel(frozen);
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> adaptive =
                AdaptiveLearner.logistic(watched, new Ddm(), ADAPTATION);
        List<BinaryMetrics> onlineMetrics = new ArrayList<>();
        List<BinaryMetrics> adaptiveMetrics = new ArrayList<>();
        List<BinaryMetrics> frozenMetrics = new ArrayList<>();
        List<Integer> detections = new ArrayList<>();
        FraudScores all = new FraudScores();
        AtomicInteger done = new AtomicInteger();
        Clock clock = settings.realTime() ? Clock.system() : new FastForwardClock();
        FraudKafka kafka = settings.kafka() == null ? null
                : FraudKafka.produce(settings.kafka(), settings.partitions(), data, (long) batches * perBatch, out,
                        settings.checkpoint());
        try (DemoCharts charts = DemoCharts.open(settings, NAME, 900, 450, 5);
             FraudKafka alertsOut = kafka;
             StreamingContext ssc = settings.newContext(settings.onMaster(StreamingContext.Options.defaults()
                     .withBatchInterval(BATCH).withClock(clock).withDefaultPartitions(settings.partitions()),
                     Math.min(settings.partitions(), Runtime.getRuntime().availableProcessors()),
                     ExecutorSettings.defaults().withWireTypes(FraudData.Case.class, Txn.class)))) {
            charts.dashboardUri().ifPresent(u -> out.println("Live dashboard: " + u));
            charts.attachBatchMetrics(ssc);
            out.printf("Streaming %d batches of %,d transactions; alerts at probability >= %.2f; charts in %s%n",
                    batches, perBatch, ALERT_THRESHOLD, charts.dir());
            out.println("batch   fraud  | online: alerts precision recall   AUC | adaptive: alerts precision"
                    + " recall   AUC | frozen: alerts precision recall   AUC");
            out.flush();
            List<String> models = List.of("online", "drift-adaptive", "frozen");
            LiveDriftChart auc = charts.add(new LiveDriftChart("fraud-auc", new ChartText("Fraud: AUC per batch",
                    "batch", "AUC"), models, driftBatches, 10_000));
            LiveDriftChart recall = charts.add(new LiveDriftChart("fraud-recall", new ChartText(
                    "Fraud: recall per batch (alerts at p >= " + ALERT_THRESHOLD + ")", "batch", "recall"), models,
                    driftBatches, 10_000));
            adaptive.onDriftEvent(e -> {
                if (e.signal() == DriftSignal.DRIFT) {
                    int n = done.get();
                    detections.add(n);
                    auc.detection(n);
                    recall.detection(n);
                }
            });
            DStream<Txn> cases = kafka != null ? kafka.transactions(ssc, perBatch)
                    : ssc.fromIterable(data, perBatch).map(c -> new Txn(c.transaction().id(), c.point()));
            // Registered before training, so each batch is scored by the model of the batches before it.
            cases.foreachBatch((b, t) -> {
                LogisticRegressionModel current = online.latestModel();
                LogisticRegressionModel adapted = adaptive.latestModel();
                List<double[]> scored = b.map(c -> new double[] {c.point().label(),
                        current.probability(c.point().features()), adapted.probability(c.point().features()),
                        frozen.probability(c.point().features()), c.id()}).collect();
                if (scored.isEmpty()) {
                    return;
                }
                if (alertsOut != null) {
                    alertsOut.alert(t, current.version(), scored, ALERT_THRESHOLD);
                }
                FraudScores batch = new FraudScores();
                scored.forEach(r -> batch.add(java.util.Arrays.copyOf(r, FraudScores.COLUMNS)));
                all.addAll(batch);
                BinaryMetrics on = batch.metrics(FraudScores.ONLINE, ALERT_THRESHOLD);
                BinaryMetrics ad = batch.metrics(FraudScores.ADAPTIVE, ALERT_THRESHOLD);
                BinaryMetrics off = batch.metrics(FraudScores.FROZEN, ALERT_THRESHOLD);
                onlineMetrics.add(on);
                adaptiveMetrics.add(ad);
                frozenMetrics.add(off);
                int n = done.incrementAndGet();
                chart(auc, recall, n, on, ad, off);
                out.printf("%5d %7d  | %14d %9s %6s %5s | %16d %9s %6s %5s | %14d %9s %6s %5s%n", n, on.positives(),
                        on.alerts(), fmt(on.precision()), fmt(on.recall()), fmt(on.auc()), ad.alerts(),
                        fmt(ad.precision()), fmt(ad.recall()), fmt(ad.auc()), off.alerts(), fmt(off.precision()),
                        fmt(off.recall()), fmt(off.auc()));
                out.flush();
            });
            online.trainOn(cases.map(Txn::point));
            adaptive.trainOn(cases.map(Txn::point));
            ssc.registerCheckpointed(Checkpointed.of("FraudDemo results",
                    () -> new Progress(List.copyOf(onlineMetrics), List.copyOf(adaptiveMetrics),
                            List.copyOf(frozenMetrics), all.columns(), List.copyOf(detections)),
                    state -> {
                        Progress p = (Progress) state;
                        onlineMetrics.addAll(p.online());
                        adaptiveMetrics.addAll(p.adaptive());
                        frozenMetrics.addAll(p.frozen());
                        all.addAll(FraudScores.of(p.scores()));
                        detections.addAll(p.detections());
                        done.set(p.online().size());
                        for (int i = 0; i < p.online().size(); i++) {
                            chart(auc, recall, i + 1, p.online().get(i), p.adaptive().get(i), p.frozen().get(i));
                        }
                        for (int d : p.detections()) {
                            auc.detection(d);
                            recall.detection(d);
                        }
                    }));
            settings.start(ssc, out);
            ssc.awaitTermination();
            if (alertsOut != null) {
                out.printf("Wrote %,d alerts to Kafka topic %s%n", alertsOut.alertsWritten(), alertsOut.alertTopic());
            }
        }
        return new Result(List.copyOf(onlineMetrics), List.copyOf(adaptiveMetrics), List.copyOf(frozenMetrics),
                all.metrics(FraudScores.ONLINE, ALERT_THRESHOLD), all.metrics(FraudScores.ADAPTIVE, ALERT_THRESHOLD),
                all.metrics(FraudScores.FROZEN, ALERT_THRESHOLD), List.copyOf(detections), driftBatches.clone(),
                historyFraud, all.size(), online.latestModel());
    }

    /**
     * What a checkpoint keeps of the demo's results (the online model is in it as a learner).
     *
     * @param online each batch's metrics of the online model
     * @param adaptive each batch's metrics of the drift-adaptive model
     * @param frozen each batch's metrics of the frozen model
     * @param scores every transaction scored so far: label, online, adaptive and frozen probability
     * @param detections the batches in which the adaptive model's detector saw a drift
     */
    record Progress(List<BinaryMetrics> online, List<BinaryMetrics> adaptive, List<BinaryMetrics> frozen,
                    double[][] scores, List<Integer> detections) {
    }

    private static void chart(LiveDriftChart auc, LiveDriftChart recall, int n, BinaryMetrics on, BinaryMetrics ad,
                              BinaryMetrics off) {
        auc.append(n, on.auc(), ad.auc(), off.auc());
        auc.publish();
        recall.append(n, on.recall(), ad.recall(), off.recall());
        recall.publish();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }

    private static void printSummary(Result r, PrintWriter out) {
        out.println();
        out.println("Summary");
        out.printf("  streamed: %,d transactions in %d batches, %d frauds (%.2f %%)%n", r.transactions(),
                r.online().size(), r.onlineTotal().positives(),
                100.0 * r.onlineTotal().positives() / Math.max(1, r.transactions()));
        out.printf("  %-22s %7s %10s %8s %8s%n", "whole stream", "alerts", "precision", "recall", "AUC");
        out.printf("  %-22s %7d %10s %8s %8s%n", "online (updated)", r.onlineTotal().alerts(),
                fmt(r.onlineTotal().precision()), fmt(r.onlineTotal().recall()), fmt(r.onlineTotal().auc()));
        out.printf("  %-22s %7d %10s %8s %8s%n", "drift-adaptive (DDM)", r.adaptiveTotal().alerts(),
                fmt(r.adaptiveTotal().precision()), fmt(r.adaptiveTotal().recall()), fmt(r.adaptiveTotal().auc()));
        out.printf("  %-22s %7d %10s %8s %8s%n", "offline (frozen)", r.frozenTotal().alerts(),
                fmt(r.frozenTotal().precision()), fmt(r.frozenTotal().recall()), fmt(r.frozenTotal().auc()));
        out.printf("  AUC online %s, drift-adaptive %s, frozen %s (a constant score, the majority baseline, has AUC"
                + " 0.5)%n", fmt(r.onlineTotal().auc()), fmt(r.adaptiveTotal().auc()), fmt(r.frozenTotal().auc()));
        out.printf("  drifts detected in batches %s (card testing from batch %.1f, unusual amounts fade from batch"
                + " %.1f)%n", r.detections(), r.driftBatches()[0], r.driftBatches()[1]);
        out.flush();
    }
}
