package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.testkit.TestDriver;

/**
 * {@link AnomalyStreams#scoreByKey}: many series interleaved in one keyed stream get, series by series,
 * exactly the scores each gets alone, whatever the partitions, threads, batching or executor, and after a
 * restart from a checkpoint.
 */
class KeyedAnomalyStreamsTest {
    /** Small enough that every buffer fills within the test series, so restores carry full windows. */
    private static final StreamingAnomalyDetector.Options OPTIONS = StreamingAnomalyDetector.Options.defaults()
            .withWindow(200).withMemory(200).withHistory(300).withRefractory(20);

    /**
     * Five series of different lengths (one starts late, one ends early, one has missing values and a
     * spike), interleaved record by record in a seeded random order that keeps each series' own order.
     */
    private static List<Pair<String, Observation>> interleaved(long seed) {
        Random rnd = new Random(seed);
        Map<String, List<Observation>> series = new LinkedHashMap<>();
        int[] lengths = {1200, 900, 1500, 400, 1100};
        for (int k = 0; k < lengths.length; k++) {
            List<Observation> records = new ArrayList<>();
            for (int i = 0; i < lengths[k]; i++) {
                double v = (k + 1) * Math.sin(i / (10.0 + 7 * k)) + 0.2 * rnd.nextGaussian()
                        + (i == lengths[k] - 150 ? 8 : 0);
                records.add(new Observation(i * 60_000L, k == 2 && i % 97 == 0 ? Double.NaN : v));
            }
            series.put("series-" + k, records);
        }
        List<Pair<String, Observation>> out = new ArrayList<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        series.keySet().forEach(k -> taken.put(k, 0));
        while (!taken.isEmpty()) {
            List<String> open = new ArrayList<>(taken.keySet());
            String k = open.get(rnd.nextInt(open.size()));
            if (k.equals("series-3") && out.size() < 2000) {
                k = open.get(0);                                  // series-3 starts late
            }
            int i = taken.get(k);
            out.add(Pair.of(k, series.get(k).get(i)));
            if (i + 1 == series.get(k).size()) {
                taken.remove(k);
            } else {
                taken.put(k, i + 1);
            }
        }
        return out;
    }

    /** Each series scored alone by a detector fed its records in a loop. */
    private static Map<String, List<ScoredObservation>> alone(List<Pair<String, Observation>> records) {
        Map<String, StreamingAnomalyDetector> detectors = new LinkedHashMap<>();
        Map<String, List<ScoredObservation>> out = new LinkedHashMap<>();
        for (Pair<String, Observation> p : records) {
            StreamingAnomalyDetector d = detectors.computeIfAbsent(p.key(), k -> new StreamingAnomalyDetector(OPTIONS));
            Observation o = p.value();
            double s = d.score(o.timestampMillis(), o.value());
            out.computeIfAbsent(p.key(), k -> new ArrayList<>())
                    .add(new ScoredObservation(o.timestampMillis(), o.value(), s, d.isAnomaly()));
        }
        return out;
    }

    /** The keyed operator's output, in output order, on {@code partitions} partitions of {@code executor}. */
    private static List<Pair<String, ScoredObservation>> keyed(List<Pair<String, Observation>> records,
                                                               int batchSize, int partitions,
                                                               BatchExecutor executor) throws InterruptedException {
        List<Pair<String, ScoredObservation>> got = Collections.synchronizedList(new ArrayList<>());
        try (StreamingContext ssc = new StreamingContext(TestDriver.fastForward(partitions, executor))) {
            PairDStream<String, Observation> series = PairDStream.of(ssc.fromIterable(records, batchSize));
            AnomalyStreams.scoreByKey(series, OPTIONS, partitions)
                    .foreachBatch((batch, time) -> got.addAll(batch.collect()));
            ssc.start();
            ssc.awaitTermination();
        }
        return new ArrayList<>(got);
    }

    private static Map<String, List<ScoredObservation>> bySeries(List<Pair<String, ScoredObservation>> scored) {
        Map<String, List<ScoredObservation>> out = new LinkedHashMap<>();
        scored.forEach(p -> out.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p.value()));
        return out;
    }

    @Test
    void shouldScoreEverySeriesOfAKeyedStreamExactlyAsThatSeriesAlone() throws Exception {
        List<Pair<String, Observation>> records = interleaved(11);
        Map<String, List<ScoredObservation>> expected = alone(records);
        assertTrue(expected.values().stream().flatMap(List::stream).anyMatch(ScoredObservation::anomaly),
                "the spikes are flagged, so the comparison covers alarms and hold-offs");
        Map<String, List<ScoredObservation>> got = bySeries(keyed(records, 250, 3, null));
        assertEquals(expected, sortedLike(expected, got));
    }

    @Test
    void shouldGiveTheSameOutputWhateverThePartitionsAndBatchingAndTheSameOutputOnEveryRun() throws Exception {
        List<Pair<String, Observation>> records = interleaved(12);
        Map<String, List<ScoredObservation>> expected = alone(records);
        List<Pair<String, ScoredObservation>> first = keyed(records, 300, 2, null);
        assertEquals(first, keyed(records, 300, 2, null), "the same run twice gives the same batches in the same order");
        for (int[] setting : new int[][] {{1, 1}, {77, 5}, {5000, 4}}) {
            assertEquals(expected, sortedLike(expected, bySeries(keyed(records, setting[0], setting[1], null))),
                    "batches of " + setting[0] + " on " + setting[1] + " partitions");
        }
    }

    @Test
    void aKeyedStreamRestartedFromItsCheckpointScoresOnLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
        List<Pair<String, Observation>> records = interleaved(13);
        List<Pair<String, ScoredObservation>> unbroken = scoreFrom(dir.resolve("unbroken"), records, Integer.MAX_VALUE);
        assertEquals(records.size(), unbroken.size());
        Path ckpt = dir.resolve("broken");
        List<Pair<String, ScoredObservation>> before = scoreFrom(ckpt, records, 7);    // 7 batches, then stopped abruptly
        assertEquals(7 * 256, before.size());
        List<Pair<String, ScoredObservation>> after = scoreFrom(ckpt, records, Integer.MAX_VALUE);
        // every batch is checkpointed, so the restart resumes with batch 8, every series' detector where it was
        assertEquals(unbroken.subList(7 * 256, unbroken.size()), after);
        assertEquals(alone(records), sortedLike(alone(records), bySeries(unbroken)));
    }

    @Test
    @Tag("slow")
    void shouldScoreOnTwoWorkerProcessesExactlyAsOnLocalThreads() throws Exception {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.streamml.streaming.cluster");
        log.setUseParentHandlers(false);
        log.setLevel(java.util.logging.Level.OFF);
        List<Pair<String, Observation>> records = interleaved(14);
        List<Pair<String, ScoredObservation>> local = keyed(records, 400, 4, null);
        try (ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults())) {
            List<Pair<String, ScoredObservation>> remote = keyed(records, 400, 4, cluster);
            assertEquals(local, remote, "local-cluster[2] gives local[2]'s batches");
            assertEquals(2, cluster.workers().size(), "two workers: " + cluster.workers());
            assertTrue(cluster.workers().stream().allMatch(w -> w.tasks() > 0), "both ran tasks: " + cluster.workers());
        }
        assertEquals(alone(records), sortedLike(alone(records), bySeries(local)));
    }

    /** {@code got} with its series in {@code expected}'s key order (maps compare by content, order aside). */
    private static Map<String, List<ScoredObservation>> sortedLike(Map<String, List<ScoredObservation>> expected,
                                                                   Map<String, List<ScoredObservation>> got) {
        Map<String, List<ScoredObservation>> out = new LinkedHashMap<>();
        expected.keySet().forEach(k -> out.put(k, got.get(k)));
        got.forEach(out::putIfAbsent);
        return out;
    }

    /** Scores {@code records} checkpointing to {@code ckpt} (resuming from it), stopping abruptly after {@code batches}. */
    private static List<Pair<String, ScoredObservation>> scoreFrom(Path ckpt, List<Pair<String, Observation>> records,
                                                                   int batches) throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(batches == Integer.MAX_VALUE
                        ? new FastForwardClock() : clock)
                .withDefaultPartitions(2).withThreads(2).withStopWhenInputsExhausted(true);
        List<Pair<String, ScoredObservation>> got = Collections.synchronizedList(new ArrayList<>());
        try (StreamingContext ssc = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = new StreamingContext(options).checkpoint(ckpt, 1, 2);
            AnomalyStreams.scoreByKey(PairDStream.of(c.fromIterable(records, 256)), OPTIONS, 3)
                    .foreachBatch((batch, time) -> got.addAll(batch.collect()));
            return c;
        })) {
            ssc.start();
            if (batches == Integer.MAX_VALUE) {
                ssc.awaitTermination();
            } else {
                clock.advance(1000L * batches);
                assertTrue(ssc.awaitBatch(Time.ofMillis(1000L * batches), 30_000));
                ssc.stop(false);
                ssc.awaitTerminationOrTimeout(30_000);
            }
        }
        return new ArrayList<>(got);
    }
}
