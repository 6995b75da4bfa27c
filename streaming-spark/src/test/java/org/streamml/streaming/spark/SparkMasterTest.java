package org.streamml.streaming.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.source.GeneratedSource;

/**
 * {@code --master spark-local[N]} through the executor seam: the tasks run as Spark tasks (in Spark's task
 * threads), a function that cannot be serialized fails at {@code start()} naming its operation, and bad
 * masters are refused with the accepted forms.
 */
class SparkMasterTest {

    private static StreamingContext.Options options() {
        return StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withDefaultPartitions(2).withMaster("spark-local[2]");
    }

    @Test
    void tasksRunAsSparkTasks() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Long> counts = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = new StreamingContext(options())) {
            ssc.source(new GeneratedSource<>(3, 100, 300, (i, r) -> r.nextInt(5)))
                    .map(x -> Pair.of(Thread.currentThread().getName(), x))
                    .foreachBatch((b, t) -> {
                        for (Pair<String, Integer> p : b.collect()) {
                            threads.add(p.key());
                        }
                        counts.add(b.count());
                    });
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(List.of(100L, 100L, 100L), counts);
        assertTrue(threads.stream().allMatch(n -> n.startsWith("Executor task launch worker")), threads.toString());
    }

    /**
     * Partitions are computed lazily on Spark, by the job of the operation that reads them: a streaming
     * k-means batch (the source's read and the model update's aggregate) is one Spark job, as in Spark's own
     * {@code StreamingKMeans}, the batch's record count comes from the tasks that computed it, and the model
     * is the one the local executor trains.
     */
    @Test
    void aStreamingKMeansBatchIsOneSparkJob() throws Exception {
        int batches = 6;
        double[][] onSpark;
        List<Long> records = new CopyOnWriteArrayList<>();
        int jobs;
        try (SparkExecutor spark = SparkExecutor.start("local[2]", "one-job-per-batch")) {
            int before = probeJob(spark);
            try (StreamingContext ssc = new StreamingContext(options().withMaster("local[2]").withExecutor(SharedExecutor.of(spark)))) {
                StreamingKMeans km = kMeans(ssc, batches);
                ssc.addStreamingListener(new StreamingListener() {
                    @Override
                    public void onBatchCompleted(BatchInfo info) {
                        records.add(info.records());
                    }
                });
                ssc.start();
                ssc.awaitTermination();
                onSpark = km.latestModel().centers();
            }
            jobs = probeJob(spark) - before - 1;
        }
        double[][] local;
        try (StreamingContext ssc = new StreamingContext(options().withMaster("local[2]"))) {
            StreamingKMeans km = kMeans(ssc, batches);
            ssc.start();
            ssc.awaitTermination();
            local = km.latestModel().centers();
        }
        assertEquals(batches, jobs, "Spark jobs for " + batches + " batches");
        assertEquals(java.util.Collections.nCopies(batches, 400L), records);
        for (int c = 0; c < local.length; c++) {
            assertTrue(java.util.Arrays.equals(local[c], onSpark[c]), "center " + c);
        }
    }

    private static StreamingKMeans kMeans(StreamingContext ssc, int batches) {
        var points = ssc.source(new GeneratedSource<Vector>(5, 400, 400L * batches,
                (i, r) -> DenseVector.wrap(new double[] {r.nextGaussian() + (i % 3) * 5, r.nextGaussian()})));
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3)).setRandomCenters(2, 0.0, 7);
        km.trainOn(points);
        return km;
    }

    /** The id of a Spark job submitted now: job ids are given in submission order. */
    private static int probeJob(SparkExecutor spark) throws Exception {
        var action = spark.sparkContext().parallelize(List.of(1), 1).countAsync();
        action.get();
        return action.jobIds().get(0);
    }

    /** Not serializable on purpose. */
    static final class Lookup {
        int of(int x) {
            return x + 1;
        }
    }

    @Test
    void aFunctionThatCannotBeSerializedFailsAtStartNamingItsOperation() {
        Lookup lookup = new Lookup();
        try (StreamingContext ssc = new StreamingContext(options())) {
            ssc.source(new GeneratedSource<>(3, 10, 30, (i, r) -> r.nextInt(5))).map(lookup::of)
                    .foreachBatch((b, t) -> b.count());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ssc::start);
            assertTrue(e.getMessage().contains("the function of map#1 cannot be sent to Spark's executors"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("SparkMasterTest$Lookup"), e.getMessage());
        }
    }

    @Test
    void badMastersAreRefusedWithTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamingContext.Options.defaults().withMaster("spark-local[x]"));
        assertTrue(e.getMessage().contains("expected spark://HOST:PORT or spark-local[N]"), e.getMessage());
        assertEquals("local[3]", SparkExecutorProvider.sparkMaster("spark-local[3]"));
        assertEquals("spark://127.0.0.1:7077", SparkExecutorProvider.sparkMaster("spark://127.0.0.1:7077"));
    }

    @Test
    void theDriverStaysOnLoopbackOnlyForMastersOnThisMachine() {
        assertTrue(SparkExecutor.onLoopback("local[2]"));
        assertTrue(SparkExecutor.onLoopback("spark://127.0.0.1:7077"));
        assertTrue(SparkExecutor.onLoopback("spark://localhost:7077,127.0.0.2:7078"));
        assertFalse(SparkExecutor.onLoopback("spark://spark-master.example.com:7077"));
        assertFalse(SparkExecutor.onLoopback("spark://127.0.0.1:7077,10.0.0.5:7077"));
    }
}
