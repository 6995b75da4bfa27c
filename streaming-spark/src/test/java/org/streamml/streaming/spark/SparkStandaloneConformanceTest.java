package org.streamml.streaming.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.source.GeneratedSource;
import org.streamml.streaming.testkit.ExecutorConformanceSuite;

/**
 * The executor conformance kit on a real Spark standalone cluster: a master and two workers as processes,
 * executors launched by the workers; every partition task runs in an executor process.
 */
class SparkStandaloneConformanceTest extends ExecutorConformanceSuite {
    private SparkStandalone cluster;
    private SparkExecutor spark;

    @BeforeAll
    void startCluster() throws Exception {
        Path dir = Files.createTempDirectory("streamml-spark-standalone");
        cluster = SparkStandalone.start(dir, 2);
        spark = SparkExecutor.start(new SparkConf().setMaster(cluster.masterUrl()).setAppName("conformance")
                .set("spark.executor.extraClassPath", SparkStandalone.streamMLClassPath())
                .set("spark.executor.memory", "512m").set("spark.cores.max", "2"));
    }

    @AfterAll
    void stopCluster() {
        if (spark != null) {
            spark.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theTasksRunInTheExecutorProcessesTheWorkersLaunched() throws Exception {
        Set<Long> pids = new java.util.concurrent.ConcurrentSkipListSet<>();
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock()).withDefaultPartitions(4)
                .withExecutor(SharedExecutor.of(spark)))) {
            ssc.source(new GeneratedSource<>(1, 400, 1200, (i, r) -> i)).map(x -> ProcessHandle.current().pid())
                    .foreachBatch((b, t) -> pids.addAll(b.collect()));
            ssc.start();
            ssc.awaitTermination();
        }
        Set<Long> executors = new TreeSet<>();
        for (Process w : cluster.workers()) {
            w.descendants().forEach(h -> executors.add(h.pid()));
        }
        assertFalse(pids.contains(ProcessHandle.current().pid()), "no task ran in the driver: " + pids);
        assertTrue(executors.containsAll(pids) && !pids.isEmpty(), "tasks ran in " + pids + ", executors " + executors);
    }

    @Override
    protected BatchExecutor executorUnderTest() {
        return SharedExecutor.of(spark);
    }
}
