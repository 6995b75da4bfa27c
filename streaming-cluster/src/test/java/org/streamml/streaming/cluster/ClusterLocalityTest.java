package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.Source;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.source.FileReplaySource;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Data locality on real worker processes: partitioned sources are read on the workers, partitions stay
 * there between operations, shuffles go between workers, and blocks lost with a worker are recomputed
 * from the source offsets.
 */
@Tag("slow")
class ClusterLocalityTest {

    private static List<String> run(BatchExecutor executor, Source<String> source,
                                    java.util.function.Function<DStream<String>, DStream<?>> pipeline,
                                    Consumer<Integer> afterBatch) throws InterruptedException {
        List<String> out = new CopyOnWriteArrayList<>();
        StreamingContext.Options options = StreamingContext.Options.defaults().withClock(new FastForwardClock())
                .withBatchInterval(Duration.ofMillis(100)).withDefaultPartitions(4).withExecutor(org.streamml.streaming.SharedExecutor.of(executor));
        int[] batches = {0};
        try (StreamingContext ssc = new StreamingContext(options)) {
            pipeline.apply(ssc.source(source)).foreachBatch((b, t) -> {
                out.add(t + " " + b.partitions());
                afterBatch.accept(++batches[0]);
            });
            ssc.start();
            ssc.awaitTermination();
        }
        return out;
    }

    private static DStream<?> wordCounts(DStream<String> lines) {
        return lines.flatMap(l -> List.of(l.split(" "))).filter(w -> !w.isEmpty() && !w.startsWith("padding"))
                .mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum, 3);
    }

    @Test
    void shouldReadFileRangesOnTheWorkersAndMoveOnlyResultsThroughTheDriver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("words.txt");
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 40_000; i++) {
            text.append("w").append(random.nextInt(50)).append(" x").append(random.nextInt(7)).append(" padding-")
                    .append(i).append('\n');
        }
        Files.writeString(file, text);
        long fileBytes = Files.size(file);
        List<String> local;
        try (BatchExecutor ex = new org.streamml.streaming.LocalExecutor(2)) {
            local = run(ex, new FileReplaySource(file, 10_000), ClusterLocalityTest::wordCounts, b -> { });
        }
        try (LogCapture logs = new LogCapture();
             ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults())) {
            List<String> onCluster = run(cluster, new FileReplaySource(file, 10_000), ClusterLocalityTest::wordCounts,
                    b -> { });
            assertEquals(local, onCluster);
            assertEquals(4, onCluster.size());
            ClusterExecutor.Traffic traffic = cluster.traffic();
            long moved = traffic.taskBytesSent() + traffic.resultBytesReceived() + traffic.blockBytesFetched();
            // The driver moved the word counts (57 keys x 4 batches) and the tasks, not the 1 MB of lines.
            assertTrue(moved < fileBytes / 10, traffic + " for a file of " + fileBytes + " bytes");
            assertTrue(traffic.blockBytesFetched() > 0, "the output operation read the counts: " + traffic);
        }
    }

    @Test
    void shouldGenerateRecordsOnTheWorkersThatProcessThem() throws Exception {
        try (LogCapture logs = new LogCapture();
             ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults())) {
            List<String> out = run(cluster, new GeneratedSource<>(5, 1000, 3000,
                            (i, r) -> ProcessHandle.current().pid() + " " + r.nextInt(10)),
                    lines -> lines.map(l -> l.substring(0, l.indexOf(' '))).countByValue(), b -> { });
            Set<String> workers = cluster.workers().stream().map(w -> Long.toString(w.pid()))
                    .collect(Collectors.toSet());
            Set<String> generatedIn = new java.util.TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+),").matcher(String.join(" ", out));
            while (m.find()) {
                generatedIn.add(m.group(1));
            }
            assertFalse(generatedIn.isEmpty(), out.toString());
            assertTrue(workers.containsAll(generatedIn), "generated in " + generatedIn + ", workers " + workers);
            assertFalse(generatedIn.contains(Long.toString(ProcessHandle.current().pid())));
        }
    }

    @Test
    void shouldRecomputeAWindowsBlocksLostWithAKilledWorkerFromTheSourceOffsets() throws Exception {
        GeneratedSource.RecordGenerator<String> gen = (i, r) -> "k" + r.nextInt(5) + " " + i;
        java.util.function.Function<DStream<String>, DStream<?>> pipeline = lines -> lines
                .map(l -> l.substring(0, 2)).window(Duration.ofMillis(300)).countByValue();
        List<String> local;
        try (BatchExecutor ex = new org.streamml.streaming.LocalExecutor(2)) {
            local = run(ex, new GeneratedSource<>(9, 500, 3000, gen), pipeline, b -> { });
        }
        try (LogCapture logs = new LogCapture();
             ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1, ClusterOptions.defaults())) {
            List<String> onCluster = run(cluster, new GeneratedSource<>(9, 500, 3000, gen), pipeline, batch -> {
                if (batch == 3) {
                    ProcessHandle victim = cluster.localWorkerProcesses().get(0);
                    victim.destroyForcibly();
                    try {
                        victim.onExit().get(10, TimeUnit.SECONDS);
                        assertNotNull(logs.await("lost worker", 10_000), logs.lines().toString());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            assertEquals(local, onCluster);
            assertEquals(2, cluster.workers().size());
            assertNotNull(logs.await("recomputing block", 1_000), "blocks of the dead worker were recomputed: "
                    + logs.lines());
        }
    }

    @Test
    void shouldKeepUpdateStateByKeyStateOnTheWorkersAndRebuildItAfterALossPastACheckpoint() throws Exception {
        GeneratedSource.RecordGenerator<String> gen = (i, r) -> "k" + r.nextInt(40);
        java.util.function.Function<DStream<String>, DStream<?>> pipeline = lines -> lines
                .mapToPair(k -> Pair.of(k, 1L))
                .updateStateByKey((List<Long> ones, java.util.Optional<Long> count) -> {
                    long n = count.orElse(0L) + ones.size();
                    return n > 300 ? java.util.Optional.<Long>empty() : java.util.Optional.of(n);
                })
                // the output reads a summary made on the workers, never the state partitions themselves
                .map(kv -> kv.key() + "=" + kv.value()).reduce((a, b) -> a + "," + b);
        List<String> local;
        try (BatchExecutor ex = new org.streamml.streaming.LocalExecutor(2)) {
            local = run(ex, new GeneratedSource<>(4, 400, 400 * 14, gen), pipeline, b -> { });
        }
        try (LogCapture logs = new LogCapture();
             ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1, ClusterOptions.defaults())) {
            long fetchedBefore = cluster.traffic().blockBytesFetched();
            List<String> onCluster = run(cluster, new GeneratedSource<>(4, 400, 400 * 14, gen), pipeline, batch -> {
                if (batch == 12) {
                    ProcessHandle victim = cluster.localWorkerProcesses().get(1);
                    victim.destroyForcibly();
                    try {
                        victim.onExit().get(10, TimeUnit.SECONDS);
                        assertNotNull(logs.await("lost worker", 10_000), logs.lines().toString());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            assertEquals(local, onCluster);
            assertTrue(cluster.traffic().blockBytesFetched() > fetchedBefore, "the checkpoint read the state");
            assertNotNull(logs.await("recomputing block", 1_000), logs.lines().toString());
        }
    }
}
