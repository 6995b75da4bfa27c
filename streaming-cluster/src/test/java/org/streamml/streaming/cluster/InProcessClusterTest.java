package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Pair;
import org.streamml.streaming.Time;

class InProcessClusterTest {
    private LogCapture logs;
    private ClusterExecutor driver;
    private final List<Worker> workers = new ArrayList<>();

    @BeforeEach
    void setUp() throws InterruptedException {
        logs = new LogCapture();
        driver = ClusterExecutor.listen(ClusterOptions.defaults().withSecret("s3cret"));
        for (int i = 0; i < 2; i++) {
            workers.add(Worker.connect("127.0.0.1", driver.address().getPort(), 2, "s3cret",
                    driver.options().maxFrameBytes()));
        }
        assertTrue(driver.awaitWorkers(2, 10_000));
    }

    @AfterEach
    void tearDown() {
        driver.close();
        workers.forEach(Worker::close);
        logs.close();
    }

    @Test
    void shouldComputeTheSameCountsAsLocalMode() {
        List<Integer> records = IntStream.range(0, 1000).map(i -> (i * 7919) % 37).boxed().toList();
        try (LocalExecutor local = new LocalExecutor(2)) {
            List<Pair<Integer, Long>> expected = Batch.split(Time.ofMillis(1), records, 4, local)
                    .map(x -> x * 3).filter(x -> x % 2 == 0).countByValue().collect();
            List<Pair<Integer, Long>> actual = Batch.split(Time.ofMillis(1), records, 4, driver)
                    .map(x -> x * 3).filter(x -> x % 2 == 0).countByValue().collect();
            assertEquals(expected, actual);
        }
    }

    @Test
    void shouldReportAFailingTaskWithItsPartitionAndCause() {
        Batch<Integer> b = Batch.split(Time.ofMillis(1), List.of(1, 2, 3, 4), 2, driver);
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> b.map(x -> {
            if (x == 3) {
                throw new IllegalStateException("three is bad");
            }
            return x;
        }).collect());
        assertTrue(e.getMessage().startsWith("partition 1 failed on worker "), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalStateException: three is bad"), e.getMessage());
    }

    @Test
    void shouldKeepPartitionsOnTheWorkersAndFetchThemOnlyWhenRead() {
        Batch<Integer> mapped = Batch.split(Time.ofMillis(1), IntStream.range(0, 400).boxed().toList(), 4, driver)
                .map(x -> x * 2);
        for (List<Integer> p : mapped.partitions()) {
            assertTrue(p instanceof org.streamml.streaming.DistributedExecutor.KeptPartition, p.getClass().getName());
        }
        assertEquals(400, mapped.count());
        assertEquals(Long.valueOf(2 * 399 * 400 / 2), mapped.map(x -> (long) x).reduce(Long::sum).orElseThrow());
        assertEquals(0, driver.traffic().blockBytesFetched(), "counting and reducing read no partition");
        assertEquals(IntStream.range(0, 400).map(x -> x * 2).boxed().toList(), mapped.collect());
        assertTrue(driver.traffic().blockBytesFetched() > 0);
    }

    @Test
    void shouldRecomputePartitionsEvictedFromASmallWorkerCache() throws InterruptedException {
        try (ClusterExecutor small = ClusterExecutor.listen(ClusterOptions.defaults().withWorkerCacheRecords(120));
             Worker w = Worker.connect("127.0.0.1", small.address().getPort(), 2, null, small.options().maxFrameBytes())) {
            assertTrue(small.awaitWorkers(1, 10_000));
            List<Integer> records = IntStream.range(0, 400).boxed().toList();
            Batch<Integer> squares = Batch.split(Time.ofMillis(1), records, 8, small).map(x -> x * x);
            Batch<Integer> odd = squares.filter(x -> x % 2 == 1);
            assertEquals(records.stream().map(x -> x * x).filter(x -> x % 2 == 1).toList(), odd.collect());
            assertEquals(records.stream().mapToLong(x -> (long) x * x).sum(),
                    squares.map(x -> (long) x).reduce(Long::sum).orElseThrow());
            assertTrue(logs.await("recomputing block", 1_000) != null, logs.lines().toString());
        }
    }

    @Test
    void shouldNameTheFrameLimitWhenAKeptPartitionIsTooLargeToRead() throws InterruptedException {
        try (ClusterExecutor tiny = ClusterExecutor.listen(ClusterOptions.defaults().withMaxFrameBytes(16 * 1024));
             Worker w = Worker.connect("127.0.0.1", tiny.address().getPort(), 1, null, 16 * 1024)) {
            assertTrue(tiny.awaitWorkers(1, 10_000));
            Batch<String> big = Batch.split(Time.ofMillis(1), List.of(1, 2), 1, tiny).map(x -> "x".repeat(40_000));
            assertEquals(2, big.count());
            IllegalStateException e = assertThrows(IllegalStateException.class, big::collect);
            assertTrue(e.getMessage().contains("over the maximum frame size 16384"), e.getMessage());
        }
    }

    /** A record type no {@code WireTypes} service declares. */
    record Undeclared(int x) {
    }

    @Test
    void shouldNameTheTypeWhenAKeptPartitionCannotBeEncodedInsteadOfTimingOut() {
        Batch<Undeclared> kept = Batch.split(Time.ofMillis(1), List.of(1, 2, 3), 1, driver).map(Undeclared::new);
        IllegalStateException e = assertThrows(IllegalStateException.class, kept::collect);
        assertTrue(e.getMessage().contains("cannot be encoded"), e.getMessage());
        assertTrue(e.getMessage().contains(Undeclared.class.getName()), e.getMessage());
    }

    @Test
    void shouldServeBlocksOnlyToPeersThatKnowTheSecretAndSurviveGarbage() throws Exception {
        Batch<Integer> kept = Batch.split(Time.ofMillis(1), IntStream.range(0, 100).boxed().toList(), 2, driver)
                .map(x -> x + 1);
        KeptBlock.Location at = ((KeptBlock<?>) kept.partition(0)).location();
        HostPort server = driver.blockServer(at.workerId());
        try (java.net.Socket rogue = new java.net.Socket(server.host(), server.port())) {
            rogue.getOutputStream().write(new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0, 9});
            rogue.setSoTimeout(10_000);
            rogue.getInputStream().readAllBytes();
        }
        assertTrue(logs.await("closing the connection with", 5_000) != null, logs.lines().toString());
        try (BlockClient wrong = new BlockClient("guess", driver.options().maxFrameBytes(), 1000, 5000)) {
            BlockMissingException e = assertThrows(BlockMissingException.class,
                    () -> wrong.fetch(server.host(), server.port(), at.blockId(), -1));
            assertTrue(e.getMessage().startsWith("block " + at.blockId() + " is not available"), e.getMessage());
        }
        assertTrue(logs.await("block server rejected", 5_000).endsWith("wrong secret"), logs.lines().toString());
        try (BlockClient right = new BlockClient("s3cret", driver.options().maxFrameBytes(), 1000, 5000)) {
            byte[] data = right.fetch(server.host(), server.port(), at.blockId(), -1);
            assertEquals(IntStream.range(1, 51).boxed().toList(), new Serialization(List.of()).deserialize(data));
        }
        assertEquals(IntStream.range(1, 101).boxed().toList(), kept.collect());
        assertEquals(2, driver.workers().size());
    }

    @Test
    void shouldReportEachWorkersTasksAndTaskTimeInEveryBatchsMetrics() throws InterruptedException {
        List<org.streamml.streaming.BatchInfo> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.streamml.streaming.StreamingContext.Options options = org.streamml.streaming.StreamingContext.Options
                .defaults().withClock(new org.streamml.streaming.FastForwardClock())
                .withBatchInterval(java.time.Duration.ofMillis(100)).withDefaultPartitions(4);
        try (org.streamml.streaming.StreamingContext ssc = new org.streamml.streaming.StreamingContext(
                options.withExecutor(org.streamml.streaming.SharedExecutor.of(driver)))) {
            ssc.fromIterable(IntStream.range(0, 300).boxed().toList(), 100)
                    .mapToPair(x -> Pair.of(x % 7, 1L)).reduceByKey(Long::sum).foreachBatch((b, t) -> b.count());
            ssc.addStreamingListener(new org.streamml.streaming.StreamingListener() {
                @Override
                public void onBatchCompleted(org.streamml.streaming.BatchInfo info) {
                    infos.add(info);
                }
            });
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(3, infos.size());
        for (org.streamml.streaming.BatchInfo info : infos) {
            assertEquals(2, info.places().size(), info.toString());
            long tasks = 0;
            for (org.streamml.streaming.BatchExecutor.TaskPlace p : info.places()) {
                assertTrue(p.place().matches("worker \\d+ \\(pid \\d+ on .+\\)"), p.place());
                assertTrue(p.taskMillis() >= 0, p.toString());
                tasks += p.tasks();
            }
            // map (4 partitions), shuffle map side (4) and reduce side (4) at least
            assertTrue(tasks >= 12, info.toString());
        }
        try (org.streamml.streaming.BatchExecutor local = new LocalExecutor(2)) {
            assertFalse(local instanceof org.streamml.streaming.DistributedExecutor, "local threads report no places");
        }
    }
}
