package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.testkit.TestDriver;
import org.streamml.streaming.testkit.ProcessSignals;

/**
 * Learners trained over several batches on {@code local-cluster[3]} while two workers are killed with
 * SIGKILL at seeded points (inside a task of one batch's map stage, and on the driver between another
 * batch's map stage and its training tasks) end every batch with the model of the fault-free
 * {@code local[2]} run, bit for bit.
 */
@Tag("slow")
class LearnersOnClusterFaultTest {
    /** Held strongly: the logging framework keeps loggers only weakly, and would forget the settings. */
    private static final java.util.logging.Logger CLUSTER_LOG =
            java.util.logging.Logger.getLogger("org.streamml.streaming.cluster");
    private static final int BATCHES = 6;
    private static final int PER_BATCH = 150;

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        CLUSTER_LOG.setUseParentHandlers(false);
        CLUSTER_LOG.setLevel(java.util.logging.Level.OFF);
    }

    /**
     * Streams {@code data} by index, {@link #PER_BATCH} per batch, mapping each index to its record in a
     * task: index {@code blockOn} blocks its worker (signalled through {@code claim}/{@code pidFile}); after
     * the map stage of batch {@code killBetween} (1-based) the driver kills one of the live workers,
     * chosen with {@code pick}. {@code train} trains on the records and adds a model fingerprint per batch.
     */
    private <T> List<String> run(BatchExecutor executor, List<T> data, int blockOn, int killBetween,
                                 SplittableRandom pick, BiConsumer<DStream<T>, List<String>> train)
            throws Exception {
        long driver = ProcessHandle.current().pid();
        String claim = dir.resolve("claim").toString();
        Path pidFile = dir.resolve("pid");
        String pidPath = pidFile.toString();
        AtomicInteger batch = new AtomicInteger();
        List<String> models = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = new StreamingContext(TestDriver.fastForward(3, executor))) {
            DStream<T> records = ssc.fromIterable(IntStream.range(0, data.size()).boxed().toList(), PER_BATCH)
                    .map(i -> {
                        if (i == blockOn) {
                            ProcessSignals.blockFirstWorker(driver, claim, pidPath);
                        }
                        return data.get(i);
                    })
                    .transform(b -> {
                        if (batch.incrementAndGet() == killBetween) {
                            List<ProcessHandle> alive = ((ClusterExecutor) executor).localWorkerProcesses().stream()
                                    .filter(ProcessHandle::isAlive).toList();
                            kill(alive.get(pick.nextInt(alive.size())));
                        }
                        return b;
                    });
            train.accept(records, models);
            ssc.start();
            if (blockOn >= 0) {
                kill(ProcessHandle.of(ProcessSignals.awaitPid(pidFile, 30_000)).orElseThrow());
            }
            ssc.awaitTermination();
        }
        assertEquals(BATCHES, models.size());
        return models;
    }

    private static void kill(ProcessHandle worker) throws Exception {
        worker.destroyForcibly();
        worker.onExit().get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code train} fault-free locally and with two seeded kills on a fresh three-worker cluster. */
    private <T> void assertSameModelsDespiteKills(long seed, List<T> data, BiConsumer<DStream<T>, List<String>> train)
            throws Exception {
        List<String> expected = run(null, data, -1, -1, null, train);
        SplittableRandom random = new SplittableRandom(seed);
        int blockBatch = 1 + random.nextInt(BATCHES - 1);
        int blockOn = (blockBatch - 1) * PER_BATCH + random.nextInt(PER_BATCH);
        int killBetween = blockBatch + 1 + random.nextInt(BATCHES - blockBatch);
        try (ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1, ClusterOptions.defaults())) {
            List<String> actual = run(cluster, data, blockOn, killBetween, random, train);
            assertEquals(expected, actual, "record " + blockOn + " blocked, a worker killed in batch " + killBetween);
            assertEquals(1, cluster.workers().size(), "workers left");
        }
    }

    @Test
    void shouldTrainTheFaultFreeLogisticRegressionModelsWhenWorkersAreKilled() throws Exception {
        List<LabeledPoint> data = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            data.addAll(SparkGenerators.logisticInput(0.0, 1.5, PER_BATCH, 17L * (b + 1)));
        }
        assertSameModelsDespiteKills(5, data, (in, out) -> {
            StreamingLogisticRegressionWithSGD log = new StreamingLogisticRegressionWithSGD(
                    StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(0.3).withNumIterations(20)
                            .withMiniBatchFraction(0.8))
                    .setInitialWeights(Vectors.dense(0.0));
            log.trainOn(in);
            in.foreachBatch((b, t) -> out.add(ModelFingerprints.of(log.latestModel())));
        });
    }

    @Test
    void shouldTrainTheFaultFreeKMeansModelsWhenWorkersAreKilled() throws Exception {
        List<Vector> data = new ArrayList<>();
        SparkGenerators.kmeansInput(PER_BATCH, BATCHES, 3, 4, 0.4, 23, null).batches().forEach(data::addAll);
        assertSameModelsDespiteKills(8, data, (in, out) -> {
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3)
                    .withDecayFactor(0.7)).setRandomCenters(4, 0.0, 3);
            km.trainOn(in);
            in.foreachBatch((b, t) -> out.add(ModelFingerprints.of(km.latestModel())));
        });
    }
}
