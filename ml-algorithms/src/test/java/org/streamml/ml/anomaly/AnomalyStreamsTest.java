package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
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
}
