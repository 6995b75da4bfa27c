package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.Clock;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.GeneratedSource;

/**
 * A worker SIGKILLed during a checkpointed run on a three-worker cluster, then the driver's context ended
 * abruptly and restarted from its checkpoint on a fresh cluster: every batch's state equals the local
 * fault-free run's.
 */
class ClusterDriverAndWorkerKillTest {
    private static final int BATCHES = 8;

    @TempDir
    Path dir;

    private static StreamingContext.Options options(Clock clock) {
        return StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1)).withClock(clock)
                .withDefaultPartitions(4).withThreads(2);
    }

    private static void build(StreamingContext ssc, Map<Long, String> out) {
        ssc.source(new GeneratedSource<>(9, 40, 40L * BATCHES, (i, r) -> "k" + r.nextInt(9)))
                .mapToPair(w -> Pair.of(w, 1L))
                .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                .foreachBatch((b, t) -> {
                    List<String> rows = new ArrayList<>();
                    b.collect().forEach(p -> rows.add(p.toString()));
                    rows.sort(null);
                    out.put(t.millis(), String.join(",", rows));
                });
    }

    @Test
    void aKilledWorkerAndThenARestartedDriverLoseAndRepeatNothing() throws Exception {
        Map<Long, String> expected = new ConcurrentHashMap<>();
        try (StreamingContext ssc = new StreamingContext(options(new FastForwardClock()))) {
            build(ssc, expected);
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(BATCHES, expected.size());

        Path ckpt = dir.resolve("ckpt");
        Map<Long, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        try (ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1, ClusterOptions.defaults())) {
            StreamingContext first = new StreamingContext(options(clock).withExecutor(SharedExecutor.of(cluster)))
                    .checkpoint(ckpt);
            build(first, out);
            first.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    if (info.batchTime().millis() == 2000) {
                        ProcessHandle victim = cluster.localWorkerProcesses().get(0);
                        victim.destroyForcibly();
                        try {
                            victim.onExit().get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            first.start();
            clock.advance(5000);
            assertTrue(first.awaitBatch(Time.ofMillis(5000), 60_000), "batch 5 did not complete after the kill");
            first.stop(false);
            first.awaitTerminationOrTimeout(30_000);
            assertEquals(2, cluster.workers().size(), "workers left after the kill");
        }
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = new StreamingContext(options(new FastForwardClock()).withMaster("local-cluster[2]"));
            build(c, out);
            return c;
        });
        assertEquals(Optional.of(Time.ofMillis(5000)), second.restoredFrom());
        second.start();
        second.awaitTermination();
        assertEquals(new TreeMap<>(expected), new TreeMap<>(out));
    }
}
