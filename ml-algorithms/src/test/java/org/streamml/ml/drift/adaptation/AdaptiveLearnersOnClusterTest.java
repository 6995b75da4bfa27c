package org.streamml.ml.drift.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.Adwin;
import org.streamml.ml.drift.Ddm;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.DStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.testkit.JavaSerializingExecutor;
import org.streamml.streaming.testkit.TestDriver;

/**
 * The adaptive learners give the same model after every batch and the same detections on two worker processes
 * ({@code local-cluster[2]}) and with Java-serialized functions as on local threads: their error computation
 * runs as partition tasks that travel.
 */
@Tag("slow")
class AdaptiveLearnersOnClusterTest {
    private static final java.util.logging.Logger CLUSTER_LOG =
            java.util.logging.Logger.getLogger("org.streamml.streaming.cluster");
    private static ClusterExecutor cluster;
    private static final JavaSerializingExecutor SERIALIZING = new JavaSerializingExecutor(2);

    @BeforeAll
    static void startCluster() {
        CLUSTER_LOG.setUseParentHandlers(false);
        CLUSTER_LOG.setLevel(java.util.logging.Level.OFF);
        cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        SERIALIZING.close();
    }

    /** Runs {@code input} locally, Java-serialized and on the cluster; returns each run's models and detections. */
    private static <T> List<List<Object>> runEverywhere(List<List<T>> input,
            BiFunction<DStream<T>, List<Object>, AdaptiveLearner<T, ? extends Model>> setup)
            throws InterruptedException {
        List<T> records = new ArrayList<>();
        input.forEach(records::addAll);
        List<List<Object>> out = new ArrayList<>();
        for (int mode = 0; mode < 3; mode++) {
            List<Object> seen = new CopyOnWriteArrayList<>();
            AdaptiveLearner<T, ? extends Model> learner;
            try (StreamingContext ssc = new StreamingContext(TestDriver.fastForward(3,
                    mode == 0 ? null : mode == 1 ? SERIALIZING : cluster))) {
                learner = setup.apply(ssc.fromIterable(records, input.get(0).size()), seen);
                ssc.start();
                ssc.awaitTermination();
            }
            assertEquals(input.size(), seen.size(), "a model after every batch");
            assertFalse(learner.detections().isEmpty(), "the change is detected");
            seen.add(learner.detections());
            out.add(seen);
        }
        return out;
    }

    @Test
    void shouldAdaptLogisticRegressionAlikeEverywhere() throws InterruptedException {
        List<List<LabeledPoint>> data = ConceptStream.batches(16, 300, 8 * 300, 0.1, 31L);
        List<List<Object>> runs = runEverywhere(data, (in, seen) -> {
            AdaptiveLearner<LabeledPoint, ?> a = AdaptiveLearner.logistic(new StreamingLogisticRegressionWithSGD(
                    StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(1.0).withNumIterations(10)
                            .withForgettingFactor(1.0)).setInitialWeights(Vectors.zeros(2)), new Ddm(),
                    AdaptiveLearner.Options.defaults().withPolicy(DriftPolicy.BACKGROUND));
            a.trainOn(in);
            in.foreachBatch((b, t) -> seen.add(a.latestModel()));
            return a;
        });
        assertEquals(runs.get(0), runs.get(1), "Java-serialized functions");
        assertEquals(runs.get(0), runs.get(2), "local-cluster[2]");
    }

    @Test
    void shouldAdaptLinearRegressionAndKMeansAlikeEverywhere() throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(32L);
        List<List<LabeledPoint>> data = new ArrayList<>();
        for (int b = 0; b < 16; b++) {
            List<LabeledPoint> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                double x = rnd.nextDouble(-1, 1);
                batch.add(new LabeledPoint((b < 8 ? 2 : -2) * x + 0.1 * rnd.nextDouble(), Vectors.dense(x, b < 8
                        ? x : x + 5)));
            }
            data.add(batch);
        }
        List<List<Object>> linear = runEverywhere(data, (in, seen) -> {
            AdaptiveLearner<LabeledPoint, ?> a = AdaptiveLearner.linear(new StreamingLinearRegressionWithSGD(
                    StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.5).withNumIterations(10)
                            .withForgettingFactor(1.0)).setInitialWeights(Vectors.zeros(2)), new Adwin(),
                    AdaptiveLearner.Options.defaults().withPolicy(DriftPolicy.RAISE_FORGETTING));
            a.trainOn(in);
            in.foreachBatch((b, t) -> seen.add(a.latestModel()));
            return a;
        });
        assertEquals(linear.get(0), linear.get(1), "linear regression, Java-serialized functions");
        assertEquals(linear.get(0), linear.get(2), "linear regression, local-cluster[2]");

        List<List<Vector>> points = new ArrayList<>();
        data.forEach(batch -> points.add(batch.stream().map(LabeledPoint::features).toList()));
        List<List<Object>> kMeans = runEverywhere(points, (in, seen) -> {
            AdaptiveLearner<Vector, ?> a = AdaptiveLearner.kMeans(new StreamingKMeans(StreamingKMeans.Options
                    .defaults().withK(2)).setInitialCenters(new double[][] {{-1, -1}, {1, 1}}, new double[2]),
                    new Adwin(), AdaptiveLearner.Options.defaults());
            a.trainOn(in);
            in.foreachBatch((b, t) -> seen.add(a.latestModel()));
            return a;
        });
        assertEquals(kMeans.get(0), kMeans.get(1), "k-means, Java-serialized functions");
        assertEquals(kMeans.get(0), kMeans.get(2), "k-means, local-cluster[2]");
    }
}
