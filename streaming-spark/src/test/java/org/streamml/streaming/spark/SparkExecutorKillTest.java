package org.streamml.streaming.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Spark executor processes killed with SIGKILL at seeded batches of a running stream, on a real standalone
 * cluster: Spark's task retry (and the worker's new executor) gives every batch the output of an unbroken
 * {@code local[2]} run.
 */
class SparkExecutorKillTest {

    private static List<String> run(StreamingContext.Options options, StreamingListener listener)
            throws InterruptedException {
        List<String> out = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = new StreamingContext(options.withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withDefaultPartitions(4))) {
            ssc.source(new GeneratedSource<>(5, 500, 4000, (i, r) -> r.nextInt(40)))
                    .mapToPair(x -> Pair.of(x % 7, (long) x)).reduceByKey(Long::sum, 3)
                    .foreachBatch((b, t) -> out.add(t + " " + b.partitions()));
            if (listener != null) {
                ssc.addStreamingListener(listener);
            }
            ssc.start();
            ssc.awaitTermination();
        }
        return out;
    }

    @Test
    void killedExecutorsLoseNothing() throws Exception {
        List<String> reference = run(StreamingContext.Options.defaults().withThreads(2), null);
        assertEquals(8, reference.size());
        Path dir = Files.createTempDirectory("streamml-spark-kill");
        try (SparkStandalone cluster = SparkStandalone.start(dir, 2)) {
            Random seeded = new Random(7);
            int first = 2 + seeded.nextInt(3);
            int second = first + 1 + seeded.nextInt(3);
            AtomicInteger batches = new AtomicInteger();
            AtomicInteger killed = new AtomicInteger();
            // As a batch starts (its tasks about to be scheduled), an executor process dies with SIGKILL.
            StreamingListener killer = new StreamingListener() {
                @Override
                public void onBatchStarted(Time batchTime) {
                    int n = batches.incrementAndGet();
                    if (n == first || n == second) {
                        for (Process w : cluster.workers()) {
                            var executor = w.descendants().filter(ProcessHandle::isAlive).findFirst();
                            if (executor.isPresent()) {
                                executor.get().destroyForcibly();
                                killed.incrementAndGet();
                                return;
                            }
                        }
                    }
                }
            };
            try (SparkExecutor spark = SparkExecutor.start(new SparkConf().setMaster(cluster.masterUrl())
                    .setAppName("kill").set("spark.executor.extraClassPath", SparkStandalone.streamMLClassPath())
                    .set("spark.executor.memory", "512m").set("spark.cores.max", "2")
                    .set("spark.task.maxFailures", "8"))) {
                List<String> got = run(StreamingContext.Options.defaults().withExecutor(SharedExecutor.of(spark)), killer);
                assertEquals(2, killed.get(), "executors killed at batches " + first + " and " + second);
                assertEquals(reference.size(), got.size());
                for (int i = 0; i < reference.size(); i++) {
                    assertEquals(reference.get(i).substring(reference.get(i).indexOf(' ')),
                            got.get(i).substring(got.get(i).indexOf(' ')), "batch " + (i + 1));
                }
            }
        }
    }
}
