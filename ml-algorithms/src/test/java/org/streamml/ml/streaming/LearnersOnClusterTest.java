package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.online.OnlineLogisticRegression;
import org.streamml.ml.online.OnlineOptimizer;
import org.streamml.ml.online.OnlineOptions;
import org.streamml.streaming.DStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.testkit.JavaSerializingExecutor;
import org.streamml.streaming.testkit.TestDriver;

/**
 * The three learners (and the online mode's) train bit-identical models after every batch on three worker processes
 * ({@code local-cluster[3]}) and on threads whose functions went through Java serialization first (as Spark
 * ships them: every function a learner runs per batch must serialize) as on two local threads
 * ({@code local[2]}).
 */
@Tag("slow")
class LearnersOnClusterTest {
    /** Held strongly: the logging framework keeps loggers only weakly, and would forget the settings. */
    private static final java.util.logging.Logger CLUSTER_LOG =
            java.util.logging.Logger.getLogger("org.streamml.streaming.cluster");
    private static ClusterExecutor cluster;
    private static final JavaSerializingExecutor SERIALIZING = new JavaSerializingExecutor(2);

    @BeforeAll
    static void startCluster() {
        CLUSTER_LOG.setUseParentHandlers(false);
        CLUSTER_LOG.setLevel(java.util.logging.Level.OFF);
        cluster = ClusterExecutor.localCluster(3, 1, ClusterOptions.defaults());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        SERIALIZING.close();
    }

    /**
     * Runs the batches of {@code input} (all of one size) locally, with Java-serialized functions and on the
     * cluster; {@code setup} trains on the stream and adds a model fingerprint to its list after every batch.
     * Returns the three lists.
     */
    private static <T> List<List<String>> runBoth(List<List<T>> input, BiConsumer<DStream<T>, List<String>> setup)
            throws InterruptedException {
        List<T> records = new ArrayList<>();
        input.forEach(records::addAll);
        List<List<String>> out = new ArrayList<>();
        for (int mode = 0; mode < 3; mode++) {
            boolean onCluster = mode == 2;
            List<String> models = new CopyOnWriteArrayList<>();
            long tasksBefore = tasks();
            try (StreamingContext ssc = new StreamingContext(TestDriver.fastForward(3,
                    mode == 0 ? null : onCluster ? cluster : SERIALIZING))) {
                setup.accept(ssc.fromIterable(records, input.get(0).size()), models);
                ssc.start();
                ssc.awaitTermination();
            }
            assertEquals(input.size(), models.size(), "a model after every batch");
            assertEquals(onCluster, tasks() > tasksBefore, "the workers ran the tasks only on the cluster");
            out.add(models);
        }
        assertNotEquals(out.get(0).get(0), out.get(0).get(input.size() - 1), "the model changed");
        assertEquals(3, cluster.workers().size());
        return out;
    }

    private static long tasks() {
        return cluster.workers().stream().mapToLong(ClusterExecutor.WorkerInfo::tasks).sum();
    }

    @Test
    void shouldTrainTheSameKMeansModelAfterEveryBatch() throws InterruptedException {
        List<List<Vector>> batches = SparkGenerators.kmeansInput(200, 6, 3, 4, 0.3, 7, null).batches();
        List<List<String>> models = runBoth(batches, (in, out) -> {
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3)
                    .withDecayFactor(0.9)).setRandomCenters(4, 0.0, 11);
            km.trainOn(in);
            in.foreachBatch((b, t) -> out.add(ModelFingerprints.of(km.latestModel())));
        });
        assertEquals(models.get(0), models.get(1));
        assertEquals(models.get(0), models.get(2));
    }

    @Test
    void shouldTrainTheSameLinearRegressionModelAfterEveryBatch() throws InterruptedException {
        List<List<LabeledPoint>> batches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batches.add(SparkGenerators.linearInput(0.0, new double[] {10, 10}, 100, 42L * (i + 1)));
        }
        List<List<String>> models = runBoth(batches, (in, out) -> {
            StreamingLinearRegressionWithSGD lin = new StreamingLinearRegressionWithSGD(
                    StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25)
                            .withMiniBatchFraction(0.7).withFitIntercept(true))
                    .setInitialWeights(Vectors.dense(0.0, 0.0));
            lin.trainOn(in);
            in.foreachBatch((b, t) -> out.add(ModelFingerprints.of(lin.latestModel())));
        });
        assertEquals(models.get(0), models.get(1));
        assertEquals(models.get(0), models.get(2));
    }

    @Test
    void shouldTrainTheSameLogisticRegressionModelAfterEveryBatch() throws InterruptedException {
        List<List<LabeledPoint>> batches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batches.add(SparkGenerators.logisticInput(0.0, 1.5, 100, 42L * (i + 1)));
        }
        List<List<String>> models = runBoth(batches, (in, out) -> {
            StreamingLogisticRegressionWithSGD log = new StreamingLogisticRegressionWithSGD(
                    StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25)
                            .withRegParam(0.01))
                    .setInitialWeights(Vectors.dense(0.0));
            log.trainOn(in);
            in.foreachBatch((b, t) -> out.add(ModelFingerprints.of(log.latestModel())));
        });
        assertEquals(models.get(0), models.get(1));
        assertEquals(models.get(0), models.get(2));
        assertTrue(models.get(1).get(4).startsWith("5 "), "five updates: " + models.get(1).get(4));
    }

    @Test
    void shouldTrainTheSameOnlineModelsAfterEveryBatch() throws InterruptedException {
        List<List<LabeledPoint>> batches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batches.add(SparkGenerators.logisticInput(0.0, 1.5, 100, 42L * (i + 1)));
        }
        for (OnlineOptimizer optimizer : OnlineOptimizer.values()) {
            List<List<String>> models = runBoth(batches, (in, out) -> {
                OnlineLogisticRegression log = new OnlineLogisticRegression(OnlineOptions.defaults()
                        .withOptimizer(optimizer).withLearningRate(0.5).withL1(0.01))
                        .setInitialWeights(Vectors.dense(0.0));
                log.trainOn(in);
                in.foreachBatch((b, t) -> out.add(ModelFingerprints.of(log.latestModel())));
            });
            assertEquals(models.get(0), models.get(1), optimizer.name());
            assertEquals(models.get(0), models.get(2), optimizer.name());
        }
    }
}
