// Offline, then online: fit a model on history, deploy it on a stream, and let it keep learning.
// The stream drifts (the true weights change), so a model left frozen goes stale while the online one follows.
// Run it with `./streamml notebook offline-online`; the chart lands in NOTEBOOK_OUT.
import org.streamml.streaming.*;
import org.streamml.ml.*;
import org.streamml.ml.model.*;
import org.streamml.ml.offline.*;
import org.streamml.ml.streaming.*;
import org.streamml.datasets.generators.*;
import org.streamml.viz.live.*;
import org.streamml.viz.sink.*;
import java.nio.file.*;
import java.util.*;

// History: 2,000 points of y = 2 x0 - x1 + 0.5 x2 + noise (Spark's LinearDataGenerator draws, seed 1).
List<LabeledPoint> history = new LinearGenerator(
        LinearGenerator.Options.defaults().withWeights(2, -1, 0.5), 1, 2_000).take(2_000);

// Offline: an exact least-squares fit of the history (org.streamml.ml.offline trainers give the same model
// types as the streaming learners, so the fit seeds a learner directly).
LinearRegressionModel offline = new LeastSquares(LeastSquares.Options.defaults().withFitIntercept(false)).fit(history);
System.out.println("offline weights: " + Arrays.toString(offline.weights()));

// The stream after the change: y = x0 + x1 + 0.5 x2, 40 batches of 100 points.
LinearGenerator drifted = new LinearGenerator(
        LinearGenerator.Options.defaults().withWeights(1, 1, 0.5), 2, 4_000);

// Online: Spark's StreamingLinearRegressionWithSGD started from the offline model.
StreamingLinearRegressionWithSGD online = new StreamingLinearRegressionWithSGD(
        StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.5).withNumIterations(20));
online.setInitialModel(offline);

// A fast-forward clock replays the batches as fast as the machine allows; the context stops when the input ends.
StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults().
        withClock(new FastForwardClock()).withDefaultPartitions(2).withThreads(2));
DStream<LabeledPoint> stream = ssc.fromIterable(drifted, 100);

// Prequential evaluation: each batch is scored before the model learns from it.
LiveLines rmse = LiveLines.metrics("offline-online-rmse", List.of("online", "frozen offline"), 1_000);
FileSink files = new FileSink(Path.of(NOTEBOOK_OUT), 10, 800, 400, EnumSet.of(FileSink.Format.PNG));
files.add(rmse);
List<double[]> errors = Collections.synchronizedList(new ArrayList<>());
stream.foreachBatch((batch, time) -> {
    LinearRegressionModel now = online.latestModel();
    double[] sq = batch.aggregate(() -> new double[2], (acc, p) -> {
        acc[0] += Math.pow(now.predict(p.features()) - p.label(), 2);
        acc[1] += Math.pow(offline.predict(p.features()) - p.label(), 2);
        return acc;
    }, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    double n = batch.count();
    errors.add(new double[] {Math.sqrt(sq[0] / n), Math.sqrt(sq[1] / n)});
    rmse.append(errors.size(), Math.sqrt(sq[0] / n), Math.sqrt(sq[1] / n));
    rmse.publish();
});
online.trainOn(stream);

ssc.start();
ssc.awaitTermination();
ssc.close();
files.close();

// The frozen model keeps the old error; the online one recovers within a few batches.
double[] last = errors.get(errors.size() - 1);
System.out.printf("last batch RMSE: online %.3f, frozen %.3f%n", last[0], last[1]);
System.out.println("online weights: " + Arrays.toString(online.latestModel().weights()));
if (!(last[0] < 0.5 * last[1])) throw new AssertionError("online should beat frozen after the drift");
if (!Files.exists(Path.of(NOTEBOOK_OUT, "offline-online-rmse.png"))) throw new AssertionError("no chart");
