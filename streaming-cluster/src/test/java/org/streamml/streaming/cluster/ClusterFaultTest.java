package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.Batch;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingException;
import org.streamml.streaming.Time;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;

/** Real worker processes killed in the middle of a batch. */
@Tag("slow")
class ClusterFaultTest {
    private static final int PARTITIONS = 6;

    /** Squares, then sums per key; the record {@code blockOn} blocks the first task that meets it. */
    private static List<Pair<Integer, Long>> pipeline(BatchExecutor ex, List<Integer> records, int blockOn,
                                                      String claim, String pidFile) {
        return Batch.split(Time.ofMillis(1000), records, PARTITIONS, ex)
                .map(x -> {
                    if (x == blockOn) {
                        Files2.blockFirstCaller(claim, pidFile);
                    }
                    return x;
                })
                .mapToPair(x -> Pair.of(x % 5, (long) x * x))
                .reduceByKey(Long::sum)
                .collect();
    }

    @Test
    void shouldRerunTheTasksOfKilledWorkersUntilNoWorkerIsLeft(@TempDir Path dir) throws Exception {
        List<Integer> records = IntStream.range(0, 600).boxed().toList();
        Random seeded = new Random(8);
        try (LogCapture logs = new LogCapture();
             LocalExecutor local = new LocalExecutor(2);
             ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1,
                     ClusterOptions.defaults().withNoWorkerTimeout(500))) {
            List<Pair<Integer, Long>> expected = pipeline(local, records, -1, "", "");
            assertEquals(3, cluster.localWorkerProcesses().size());
            for (int round = 1; round <= 2; round++) {
                int blockOn = seeded.nextInt(records.size());
                Path claim = dir.resolve("claim-" + round);
                Path pidFile = dir.resolve("pid-" + round);
                CompletableFuture<List<Pair<Integer, Long>>> result = CompletableFuture.supplyAsync(
                        () -> pipeline(cluster, records, blockOn, claim.toString(), pidFile.toString()));
                assertTrue(Files2.awaitFile(pidFile, 30_000), "a task reached the blocking record " + blockOn);
                long pid = Long.parseLong(Files.readString(pidFile));
                ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();
                assertTrue(cluster.localWorkerProcesses().contains(victim));
                victim.destroyForcibly();
                assertEquals(expected, result.get(60, TimeUnit.SECONDS), "round " + round);
                assertNotNull(logs.await("(pid " + pid + ")", 5_000), logs.lines().toString());
                assertEquals(3 - round, cluster.workers().size());
                victim.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(victim.isAlive());
            }
            ProcessHandle last = ProcessHandle.of(cluster.workers().get(0).pid()).orElseThrow();
            last.destroyForcibly();
            last.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(logs.await("0 worker(s) left", 10_000) != null, logs.lines().toString());
            StreamingException e = assertThrows(StreamingException.class,
                    () -> pipeline(cluster, records, -1, "", ""));
            assertTrue(e.getMessage().startsWith("cluster batch failed: no worker left to run the partition tasks"),
                    e.getMessage());
        }
    }

    @Test
    void shouldDetectAHungWorkerByItsMissingHeartbeatsAndRerunItsTasks(@TempDir Path dir) throws Exception {
        List<Integer> records = IntStream.range(0, 300).boxed().toList();
        Path claim = dir.resolve("claim");
        Path pidFile = dir.resolve("pid");
        try (LogCapture logs = new LogCapture();
             LocalExecutor local = new LocalExecutor(2);
             ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1,
                     ClusterOptions.defaults().withHeartbeat(200, 1500))) {
            List<Pair<Integer, Long>> expected = pipeline(local, records, -1, "", "");
            CompletableFuture<List<Pair<Integer, Long>>> result = CompletableFuture.supplyAsync(
                    () -> pipeline(cluster, records, 123, claim.toString(), pidFile.toString()));
            assertTrue(Files2.awaitFile(pidFile, 30_000));
            long pid = Long.parseLong(Files.readString(pidFile));
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start();
            assertEquals(0, stop.waitFor());
            try {
                List<Pair<Integer, Long>> actual;
                try {
                    actual = result.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("the batch failed; cluster log: " + logs.lines(), e);
                }
                assertEquals(expected, actual);
                assertNotNull(logs.await("for 1500 ms; disconnecting", 5_000), logs.lines().toString());
                assertNotNull(logs.await("lost worker", 5_000), logs.lines().toString());
                assertEquals(1, cluster.workers().size());
            } finally {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void shouldRunAStreamOnALocalClusterFromAMasterStringAndStopTheWorkersWithTheContext() throws Exception {
        List<Long> sums = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ProcessHandle> processes;
        try (LogCapture logs = new LogCapture()) {
            StreamingContext.Options options = Master.parse("local-cluster[2]").applyTo(StreamingContext.Options
                    .defaults().withClock(new FastForwardClock()).withBatchInterval(Duration.ofMillis(100))
                    .withDefaultPartitions(3), ClusterOptions.defaults());
            ClusterExecutor cluster = (ClusterExecutor) options.executor();
            processes = cluster.localWorkerProcesses();
            assertEquals(2, cluster.workers().size());
            try (StreamingContext ssc = new StreamingContext(options)) {
                ssc.fromIterable(LongStream.rangeClosed(1, 10).boxed().toList(), 5).reduce(Long::sum)
                        .foreachBatch((b, t) -> {
                            sums.add(b.collect().get(0));
                            tasks.add(cluster.workers().stream().mapToLong(ClusterExecutor.WorkerInfo::tasks).sum());
                        });
                ssc.start();
                ssc.awaitTermination();
            }
            assertEquals(2, processes.size());
        }
        assertEquals(List.of(15L, 40L), sums);
        assertTrue(tasks.get(1) > tasks.get(0) && tasks.get(0) > 0, "the workers ran the tasks: " + tasks);
        for (ProcessHandle p : processes) {
            assertFalse(p.isAlive(), "worker " + p.pid() + " still running");
        }
    }
}
