package org.streamml.ml.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.DStream;

/**
 * Anomaly detection on the engine: wraps a per-series {@link AnomalyDetector} around a stream of one series.
 *
 * <pre>{@code
 * StreamingContext.Options options = StreamingContext.Options.defaults()
 *         .withClock(new FastForwardClock()).withDefaultPartitions(1).withThreads(1);
 * try (StreamingContext ssc = new StreamingContext(options)) {
 *     DStream<Observation> series = ssc.fromIterable(observations, 1000);
 *     AnomalyStreams.score(series, new StreamingAnomalyDetector())
 *             .foreachBatch((batch, time) -> batch.foreach(s -> { if (s.anomaly()) alert(s); }));
 *     ssc.start();
 *     ssc.awaitTermination();
 * }
 * }</pre>
 */
public final class AnomalyStreams {
    private AnomalyStreams() {
    }

    /**
     * The stream of {@code series}' records, each with its score. A series is sequential: each batch is
     * scored in record order (its partitions in order) on the driver, batch after batch, by the one
     * {@code detector}, and comes out as a single partition. The detector must not be used elsewhere.
     * When the context {@linkplain org.streamml.streaming.StreamingContext#checkpoint checkpoints}, the
     * detector's {@linkplain AnomalyDetector#saveState state} is in every checkpoint, so a restarted stream
     * scores on exactly as an uninterrupted one (a detector that cannot save its state fails {@code start()}).
     */
    public static DStream<ScoredObservation> score(DStream<Observation> series, AnomalyDetector detector) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(detector, "detector");
        series.context().registerCheckpointed(Checkpointed.of("AnomalyDetector "
                + detector.getClass().getSimpleName(), detector::saveState,
                state -> detector.restoreState((double[]) state)));
        return series.transform((Batch<Observation> batch) -> {
            List<Observation> records = batch.collect();
            List<ScoredObservation> scored = new ArrayList<>(records.size());
            for (Observation o : records) {
                double s = detector.score(o.timestampMillis(), o.value());
                scored.add(new ScoredObservation(o.timestampMillis(), o.value(), s, detector.isAnomaly()));
            }
            return Batch.split(batch.time(), scored, 1, batch.executor());
        });
    }
}
