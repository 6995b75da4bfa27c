package org.streamml.demos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.streamml.datasets.generators.TransactionGenerator;
import org.streamml.ml.LabeledPoint;
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
import org.streamml.viz.live.LiveLines;

/**
 * The fraud demo: a logistic model trained offline ({@link LogisticRegressionNewton}) on a historical slice of
 * the {@code transactions} generator, then the rest streamed batch by batch. Each batch is first scored
 * (prequentially) by the current online model and by the offline model left frozen, alerts are raised at
 * probability &gt;= {@value #ALERT_THRESHOLD}, and precision, recall and AUC of both are printed and charted; then
 * the online model, a {@link StreamingLogisticRegressionWithSGD} started from the offline one, learns from the batch's
 * labels. The summary compares online and frozen over the whole stream.
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
     * What a run found.
     *
     * @param online the online model's metrics per batch
     * @param frozen the frozen offline model's metrics per batch
     * @param onlineTotal the online model's metrics over the whole stream
     * @param frozenTotal the frozen model's metrics over the whole stream
     * @param historyFraud the frauds in the historical slice
     * @param transactions the transactions streamed
     * @param finalModel the online model after the last batch
     */
    public record Result(List<BinaryMetrics> online, List<BinaryMetrics> frozen, BinaryMetrics onlineTotal,
                         BinaryMetrics frozenTotal, int historyFraud, long transactions,
                         LogisticRegressionModel finalModel) {
    }

    /** A transaction as streamed: its id and its label with its standardised features. */
    record Txn(long id, LabeledPoint point) {
    }

    @Override
    public String description() {
        return "fraud alerts: a logistic model trained offline, then updated online batch by batch, versus frozen";
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
        return StreamingLogisticRegressionWithSGD.Options.defaults().withFitIntercept(true).withStepSize(0.5)
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
        TransactionGenerator generator = new TransactionGenerator(TransactionGenerator.Options.defaults(),
                settings.seed(), HISTORY + (long) batches * perBatch);
        FraudData data = new FraudData(generator, HISTORY);
        int historyFraud = (int) data.history().stream().filter(p -> p.label() == 1).count();
        LogisticRegressionModel frozen = trainOffline(data.history());
        out.printf("Offline model trained on %,d historical transactions (%d frauds), %d features%n", HISTORY,
                historyFraud, FraudFeatures.DIMENSION);
        StreamingLogisticRegressionWithSGD online = new StreamingLogisticRegressionWithSGD(onlineOptions());
        online.setInitialModel(frozen);
        List<BinaryMetrics> onlineMetrics = new ArrayList<>();
        List<BinaryMetrics> frozenMetrics = new ArrayList<>();
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
            out.println("batch   fraud  | online: alerts precision recall   AUC"
                    + " | frozen: alerts precision recall   AUC");
            out.flush();
            LiveLines auc = charts.add(LiveLines.metrics("fraud-auc", List.of("online AUC", "frozen AUC"), 10_000));
            LiveLines pr = charts.add(LiveLines.metrics("fraud-precision-recall", List.of("online precision",
                    "online recall", "frozen precision", "frozen recall"), 10_000));
            DStream<Txn> cases = kafka != null ? kafka.transactions(ssc, perBatch)
                    : ssc.fromIterable(data, perBatch).map(c -> new Txn(c.transaction().id(), c.point()));
            // Registered before training, so each batch is scored by the model of the batches before it.
            cases.foreachBatch((b, t) -> {
                LogisticRegressionModel current = online.latestModel();
                List<double[]> scored = b.map(c -> new double[] {c.point().label(),
                        current.probability(c.point().features()), frozen.probability(c.point().features()),
                        c.id()}).collect();
                if (scored.isEmpty()) {
                    return;
                }
                if (alertsOut != null) {
                    alertsOut.alert(t, current.version(), scored, ALERT_THRESHOLD);
                }
                FraudScores batch = new FraudScores();
                scored.forEach(r -> batch.add(java.util.Arrays.copyOf(r, 3)));
                all.addAll(batch);
                BinaryMetrics on = batch.metrics(1, ALERT_THRESHOLD);
                BinaryMetrics off = batch.metrics(2, ALERT_THRESHOLD);
                onlineMetrics.add(on);
                frozenMetrics.add(off);
                int n = done.incrementAndGet();
                chart(auc, pr, n, on, off);
                out.printf("%5d %7d  | %14d %9s %6s %5s | %14d %9s %6s %5s%n", n, on.positives(), on.alerts(),
                        fmt(on.precision()), fmt(on.recall()), fmt(on.auc()), off.alerts(), fmt(off.precision()),
                        fmt(off.recall()), fmt(off.auc()));
                out.flush();
            });
            online.trainOn(cases.map(Txn::point));
            ssc.registerCheckpointed(Checkpointed.of("FraudDemo results",
                    () -> new Progress(List.copyOf(onlineMetrics), List.copyOf(frozenMetrics), all.columns()),
                    state -> {
                        Progress p = (Progress) state;
                        onlineMetrics.addAll(p.online());
                        frozenMetrics.addAll(p.frozen());
                        all.addAll(FraudScores.of(p.scores()));
                        done.set(p.online().size());
                        for (int i = 0; i < p.online().size(); i++) {
                            chart(auc, pr, i + 1, p.online().get(i), p.frozen().get(i));
                        }
                    }));
            settings.start(ssc, out);
            ssc.awaitTermination();
            if (alertsOut != null) {
                out.printf("Wrote %,d alerts to Kafka topic %s%n", alertsOut.alertsWritten(), alertsOut.alertTopic());
            }
        }
        return new Result(List.copyOf(onlineMetrics), List.copyOf(frozenMetrics), all.metrics(1, ALERT_THRESHOLD),
                all.metrics(2, ALERT_THRESHOLD), historyFraud, all.size(), online.latestModel());
    }

    /**
     * What a checkpoint keeps of the demo's results (the online model is in it as a learner).
     *
     * @param online each batch's metrics of the online model
     * @param frozen each batch's metrics of the frozen model
     * @param scores every transaction scored so far: label, online and frozen probability
     */
    record Progress(List<BinaryMetrics> online, List<BinaryMetrics> frozen, double[][] scores) {
    }

    private static void chart(LiveLines auc, LiveLines pr, int n, BinaryMetrics on, BinaryMetrics off) {
        auc.append(n, on.auc(), off.auc());
        auc.publish();
        pr.append(n, on.precision(), on.recall(), off.precision(), off.recall());
        pr.publish();
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
        out.printf("  %-22s %7d %10s %8s %8s%n", "offline (frozen)", r.frozenTotal().alerts(),
                fmt(r.frozenTotal().precision()), fmt(r.frozenTotal().recall()), fmt(r.frozenTotal().auc()));
        out.printf("  AUC online %s vs frozen %s (a constant score, the majority baseline, has AUC 0.5)%n",
                fmt(r.onlineTotal().auc()), fmt(r.frozenTotal().auc()));
        out.flush();
    }
}
