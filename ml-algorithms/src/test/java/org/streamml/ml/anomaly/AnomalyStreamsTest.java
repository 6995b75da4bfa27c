package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Time;
import org.streamml.streaming.StreamingContext;

class AnomalyStreamsTest {
    @Test
    void shouldScoreAReplayedSeriesLikeTheDetectorAloneWhateverTheBatchingAndPartitions() throws Exception {
        Random rnd = new Random(9);
        List<Observation> records = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            double v = Math.sin(i / 20.0) + 0.1 * rnd.nextGaussian() + (i == 1200 ? 5 : 0);
            records.add(new Observation(i * 60_000L, i == 700 ? Double.NaN : v));
        }
        StreamingAnomalyDetector alone = new StreamingAnomalyDetector();
        List<ScoredObservation> expected = new ArrayList<>();
        for (Observation o : records) {
            double s = alone.score(o.timestampMillis(), o.value());
            expected.add(new ScoredObservation(o.timestampMillis(), o.value(), s, alone.isAnomaly()));
        }
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                .withDefaultPartitions(3).withThreads(2).withStopWhenInputsExhausted(true);
        List<ScoredObservation> got = new ArrayList<>();
        try (StreamingContext ssc = new StreamingContext(options)) {
            DStream<Observation> series = ssc.fromIterable(records, 128);
            AnomalyStreams.score(series, new StreamingAnomalyDetector())
                    .foreachBatch((batch, time) -> got.addAll(batch.collect()));
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(expected, got);
    }

    @Test
    void aStreamRestartedFromItsCheckpointScoresOnLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Random rnd = new Random(4);
        List<Observation> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            records.add(new Observation(i * 60_000L, Math.cos(i / 30.0) + 0.2 * rnd.nextGaussian()
                    + (i == 2600 ? 6 : 0)));
        }
        List<ScoredObservation> unbroken = scoreFrom(dir.resolve("unbroken"), records, Integer.MAX_VALUE);
        Path ckpt = dir.resolve("broken");
        List<ScoredObservation> before = scoreFrom(ckpt, records, 9);        // 9 batches of 128, then stopped abruptly
        assertEquals(9 * 128, before.size());
        List<ScoredObservation> after = scoreFrom(ckpt, records, Integer.MAX_VALUE);
        // the restart resumes after the last checkpointed batch: every batch is checkpointed, so after batch 9
        assertEquals(unbroken.subList(9 * 128, unbroken.size()), after);
    }

    @Test
    void aDetectorThatCannotSaveItsStateFailsStartWhenTheContextCheckpoints(@TempDir Path dir) {
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock()).withThreads(1);
        try (StreamingContext ssc = new StreamingContext(options)) {
            ssc.checkpoint(dir);
            AnomalyDetector plain = new AnomalyDetector() {
                @Override
                public double score(long timestampMillis, double value) {
                    return 0;
                }

                @Override
                public boolean isAnomaly() {
                    return false;
                }
            };
            AnomalyStreams.score(ssc.fromIterable(List.of(new Observation(0, 1.0)), 1), plain)
                    .foreachBatch((b, t) -> b.count());
            Exception e = assertThrows(Exception.class, ssc::start);
            assertTrue(e.getMessage().contains("AnomalyDetector") && e.getMessage().contains("cannot save its state"),
                    e.getMessage());
        }
    }

    /** Scores {@code records} checkpointing to {@code ckpt} (resuming from it), stopping abruptly after {@code batches}. */
    private static List<ScoredObservation> scoreFrom(Path ckpt, List<Observation> records, int batches)
            throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(batches == Integer.MAX_VALUE
                        ? new FastForwardClock() : clock)
                .withDefaultPartitions(2).withThreads(2).withStopWhenInputsExhausted(true);
        List<ScoredObservation> got = java.util.Collections.synchronizedList(new ArrayList<>());
        try (StreamingContext ssc = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = new StreamingContext(options);
            AnomalyStreams.score(c.fromIterable(records, 128), new StreamingAnomalyDetector())
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
