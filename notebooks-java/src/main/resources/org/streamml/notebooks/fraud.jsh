// Fraud: a streaming logistic regression learns to rank card transactions by fraud risk, batch by batch.
// Each batch is scored before the model learns from it (prequential evaluation), so the AUC is honest.
// Run it with `./streamml notebook fraud`; the chart lands in NOTEBOOK_OUT.
import org.streamml.streaming.*;
import org.streamml.ml.*;
import org.streamml.ml.linalg.*;
import org.streamml.ml.model.*;
import org.streamml.ml.streaming.*;
import org.streamml.datasets.generators.*;
import org.streamml.viz.live.*;
import org.streamml.viz.sink.*;
import java.nio.file.*;
import java.util.*;

// 60,000 transactions of 2,000 accounts, 0.5 % fraud. TransactionFeatures turns each into 6 features computed
// from the account's past only (amount, its z-score, new country / category / device, time since the last
// one), so they must be computed in stream order.
TransactionFeatures features = new TransactionFeatures();
List<double[]> raw = new ArrayList<>();
List<Double> labels = new ArrayList<>();
for (Transaction t : new TransactionGenerator(TransactionGenerator.Options.defaults(), 7, 60_000)) {
    raw.add(features.next(t).features().toArray());
    labels.add(t.isFraud() ? 1.0 : 0.0);
}

// Gradient descent wants features of similar scale: standardise with the mean and standard deviation of the
// first 5,000 transactions, fixed from then on.
int d = TransactionFeatures.DIMENSION;
double[] mean = new double[d], sd = new double[d];
for (double[] x : raw.subList(0, 5_000)) for (int j = 0; j < d; j++) mean[j] += x[j] / 5_000;
for (double[] x : raw.subList(0, 5_000)) for (int j = 0; j < d; j++) sd[j] += Math.pow(x[j] - mean[j], 2) / 4_999;
List<LabeledPoint> points = new ArrayList<>();
for (int i = 0; i < raw.size(); i++) {
    double[] x = raw.get(i);
    for (int j = 0; j < d; j++) x[j] = (x[j] - mean[j]) / Math.max(Math.sqrt(sd[j]), 1e-9);
    points.add(new LabeledPoint(labels.get(i), Vectors.dense(x)));
}

// The area under the ROC curve of {label, score} rows: the chance that a fraud outranks a genuine
// transaction (continuous scores, so ties are ignored).
double auc(List<double[]> rows) {
    rows.sort(Comparator.comparingDouble(r -> r[1]));
    double positives = 0, rankSum = 0;
    for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i)[0] == 1) { positives++; rankSum += i + 1; }
    }
    double negatives = rows.size() - positives;
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

// Spark's streaming logistic regression with an intercept, starting from zero weights and the intercept at the
// log-odds of a 0.5 % fraud rate (so the first steps learn the features, not the base rate).
StreamingLogisticRegressionWithSGD model = new StreamingLogisticRegressionWithSGD(
        StreamingLogisticRegressionWithSGD.Options.defaults().withFitIntercept(true).withStepSize(1.0));
model.setInitialModel(new LogisticRegressionModel(new double[d], Math.log(0.005 / 0.995)));

StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults().
        withClock(new FastForwardClock()).withDefaultPartitions(2).withThreads(2));
DStream<LabeledPoint> stream = ssc.fromIterable(points, 5_000);

// Score first (registered before trainOn, so it sees the model of the previous batches), then train.
LiveLines aucChart = LiveLines.metrics("fraud-auc", List.of("AUC"), 1_000);
FileSink files = new FileSink(Path.of(NOTEBOOK_OUT), 5, 800, 400, EnumSet.of(FileSink.Format.PNG));
files.add(aucChart);
List<Double> aucs = Collections.synchronizedList(new ArrayList<>());
stream.foreachBatch((batch, time) -> {
    LogisticRegressionModel now = model.latestModel();
    List<double[]> rows = new ArrayList<>(batch.map(p -> new double[] {p.label(), now.probability(p.features())}).
            collect());
    aucs.add(auc(rows));
    aucChart.append(aucs.size(), aucs.get(aucs.size() - 1));
    aucChart.publish();
});
model.trainOn(stream);

ssc.start();
ssc.awaitTermination();
ssc.close();
files.close();

// Batch 1 is scored by the all-zero model, whose scores all tie (its AUC is chance); from batch 2 on the
// model ranks frauds near the top.
System.out.println("AUC per batch: " + aucs);
System.out.println("weights: " + Arrays.toString(model.latestModel().weights()) + ", intercept "
        + model.latestModel().intercept());
if (!(aucs.get(aucs.size() - 1) > 0.9)) throw new AssertionError("the model did not learn: " + aucs);
