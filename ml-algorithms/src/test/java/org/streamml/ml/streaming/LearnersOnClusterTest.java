package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;

/** The three learners end with the same models on two worker processes as in local mode. */
@Tag("slow")
class LearnersOnClusterTest {
    private static ClusterExecutor cluster;

    @BeforeAll
    static void startCluster() {
        Logger log = Logger.getLogger("org.streamml.streaming.cluster");
        log.setUseParentHandlers(false);
        log.setLevel(Level.OFF);
        cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** Runs the batches of {@code input} (all of one size) through {@code setup}, locally or on the cluster. */
    private static <T> void run(boolean onCluster, List<List<T>> input, Consumer<DStream<T>> setup)
            throws InterruptedException {
        List<T> records = new ArrayList<>();
        input.forEach(records::addAll);
        StreamingContext.Options options = StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withDefaultPartitions(3).withThreads(2);
        if (onCluster) {
            options = options.withExecutor(new Shared(cluster));
        }
        try (StreamingContext ssc = new StreamingContext(options)) {
            setup.accept(ssc.fromIterable(records, input.get(0).size()));
            ssc.start();
            ssc.awaitTermination();
        }
    }

    private static long tasks() {
        return cluster.workers().stream().mapToLong(ClusterExecutor.WorkerInfo::tasks).sum();
    }

    @Test
    void shouldTrainTheSameKMeansModel() throws InterruptedException {
        List<List<Vector>> batches = SparkGenerators.kmeansInput(200, 6, 3, 4, 0.3, 7, null).batches();
        double[][][] centers = new double[2][][];
        for (int mode = 0; mode < 2; mode++) {
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3)
                    .withDecayFactor(0.9)).setRandomCenters(4, 0.0, 11);
            run(mode == 1, batches, km::trainOn);
            centers[mode] = km.latestModel().centers();
        }
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(centers[0][j], centers[1][j], 0.0, "center " + j);
        }
    }

    @Test
    void shouldTrainTheSameLinearAndLogisticModels() throws InterruptedException {
        List<List<LabeledPoint>> linear = new ArrayList<>();
        List<List<LabeledPoint>> logistic = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            linear.add(SparkGenerators.linearInput(0.0, new double[] {10, 10}, 100, 42L * (i + 1)));
            logistic.add(SparkGenerators.logisticInput(0.0, 1.5, 100, 42L * (i + 1)));
        }
        long before = tasks();
        double[][] weights = new double[4][];
        for (int mode = 0; mode < 2; mode++) {
            StreamingLinearRegressionWithSGD lin = new StreamingLinearRegressionWithSGD(
                    StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25))
                    .setInitialWeights(Vectors.dense(0.0, 0.0));
            run(mode == 1, linear, lin::trainOn);
            weights[mode] = lin.latestModel().weights();
            StreamingLogisticRegressionWithSGD log = new StreamingLogisticRegressionWithSGD(
                    StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25))
                    .setInitialWeights(Vectors.dense(0.0));
            run(mode == 1, logistic, log::trainOn);
            weights[2 + mode] = log.latestModel().weights();
        }
        assertArrayEquals(weights[0], weights[1], 0.0, "linear regression");
        assertArrayEquals(weights[2], weights[3], 0.0, "logistic regression");
        assertTrue(tasks() > before, "the workers ran the gradient tasks");
        assertEquals(2, cluster.workers().size());
    }

    /** The shared cluster, not closed by each context. */
    private record Shared(BatchExecutor delegate) implements BatchExecutor {
        @Override
        public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
            return delegate.runTasks(numTasks, task);
        }

        @Override
        public <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
            return delegate.runOnPartitions(inputs, f);
        }

        @Override
        public <I, R> List<List<R>> computePartitions(List<I> inputs, PartitionFunction<I, List<R>> f) {
            return delegate.computePartitions(inputs, f);
        }

        @Override
        public void enterBatch(org.streamml.streaming.Time time) {
            delegate.enterBatch(time);
        }

        @Override
        public void releaseBatchesUpTo(org.streamml.streaming.Time time) {
            delegate.releaseBatchesUpTo(time);
        }

        @Override
        public <I, B, R> List<List<R>> shuffle(List<I> inputs, PartitionFunction<I, List<B>> map, int reducers,
                                               PartitionFunction<List<B>, List<R>> reduce) {
            return delegate.shuffle(inputs, map, reducers, reduce);
        }

        @Override
        public void checkShippable(String operation, Object function) {
            delegate.checkShippable(operation, function);
        }

        @Override
        public int parallelism() {
            return delegate.parallelism();
        }

        @Override
        public void close() {
        }
    }
}
