package org.streamml.ml.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.State;
import org.streamml.streaming.StateSpec;

/**
 * Anomaly detection on the engine: {@link #score} wraps a per-series {@link AnomalyDetector} around a stream of
 * one series, scored on the driver; {@link #scoreByKey} scores many series in parallel, each series' detector
 * state kept in the engine's keyed state (partitioned by series, on the workers of a cluster, checkpointed).
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

    /**
     * {@link #scoreByKey(PairDStream, StreamingAnomalyDetector.Options, int)} with the state in as many
     * partitions as {@code series} has.
     */
    public static <K> PairDStream<K, ScoredObservation> scoreByKey(PairDStream<K, Observation> series,
                                                                   StreamingAnomalyDetector.Options options) {
        Objects.requireNonNull(series, "series");
        return scoreByKey(series, options, series.numPartitions());
    }

    /**
     * Scores every series of a keyed stream with its own {@link StreamingAnomalyDetector} of {@code options}:
     * each record comes out as {@code (seriesId, scored record)}, with exactly the score the series alone
     * would get from {@link #score} (or from a detector fed the series in a loop).
     *
     * <p>Where the work runs: each batch is grouped by series ({@code groupByKey} into {@code numPartitions}
     * partitions, hash of the key), and a {@code mapWithState} task per partition scores the series of that
     * partition, so series spread over the executor's threads, or its workers on a cluster. A series' state
     * is its detector's {@link AnomalyDetector#saveState() saved state}, a {@code double[]} held by the
     * engine's keyed state: it stays on the worker that owns the partition, and it is in every checkpoint of
     * the context, so a stream restarted with {@link org.streamml.streaming.StreamingContext#getOrCreate}
     * scores on exactly as an uninterrupted one.
     *
     * <p>Order: the records of one series are scored in stream order: batch after batch, and within a batch
     * in the order of the batch (its partitions in order, each partition in its order), which the engine's
     * grouping keeps for every key (it merges map outputs in input-partition order). So a series' records must
     * enter the stream in the order they are to be scored; timestamps are not looked at, as in {@link #score}.
     * The output batch holds, per partition, each series' records in that order, series after series.
     *
     * <p>Cost per series and batch: the saved state is put back into a detector (one per task thread, reused
     * between series of the same options) and saved again after the series' records of the batch; that is a
     * copy of the state (up to about 44,000 doubles with the default options, 35,000 after 1,000 records)
     * each way, so batches should hold many records of each series. Scoring itself allocates nothing per
     * record; the output pairs are the only per-record objects. A task thread keeps its detector after the
     * stream ends (one per thread, about 0.5 MB with the defaults). Memory: one saved state per series (up to about 350 KB with the defaults).
     *
     * @param series        records keyed by series id; keys must be non-null, with stable {@code hashCode}
     *                      and {@code equals} and, on a cluster, of types the executor can send
     * @param options       the detector settings, the same for every series
     * @param numPartitions the partitions the series (and their state) are spread over, &gt;= 1
     * @param <K>           the series id type
     */
    public static <K> PairDStream<K, ScoredObservation> scoreByKey(PairDStream<K, Observation> series,
                                                                   StreamingAnomalyDetector.Options options,
                                                                   int numPartitions) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(options, "options");
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
        StateSpec<K, List<Observation>, double[], List<Pair<K, ScoredObservation>>> spec = StateSpec
                .<K, List<Observation>, double[], List<Pair<K, ScoredObservation>>>function(
                        (K key, Optional<List<Observation>> records, State<double[]> state) ->
                                scoreSeries(options, key, records.orElse(List.of()), state))
                .numPartitions(numPartitions);
        return PairDStream.of(series.groupByKey(numPartitions).mapWithState(spec).flatMap(scored -> scored));
    }

    /** One series' records of one batch: puts its detector back, scores them in order, saves it again. */
    private static <K> List<Pair<K, ScoredObservation>> scoreSeries(StreamingAnomalyDetector.Options options,
                                                                   K key, List<Observation> records,
                                                                   State<double[]> state) {
        if (records.isEmpty()) {
            return List.of();
        }
        StreamingAnomalyDetector detector = DETECTORS.get();
        if (!state.exists()) {
            detector = new StreamingAnomalyDetector(options);
            DETECTORS.set(detector);
        } else {
            if (detector == null || !detector.options().equals(options)) {
                detector = new StreamingAnomalyDetector(options);
                DETECTORS.set(detector);
            }
            try {
                detector.restoreState(state.get());
            } catch (RuntimeException e) {
                DETECTORS.remove();                               // a failed restore leaves it unusable
                throw e;
            }
        }
        List<Pair<K, ScoredObservation>> out = new ArrayList<>(records.size());
        for (int i = 0, n = records.size(); i < n; i++) {
            Observation o = records.get(i);
            double s = detector.score(o.timestampMillis(), o.value());
            out.add(Pair.of(key, new ScoredObservation(o.timestampMillis(), o.value(), s, detector.isAnomaly())));
        }
        state.update(detector.saveState());
        return out;
    }

    /**
     * The detector each task thread restores series into, so that a series costs a copy of its state per
     * batch rather than a new detector; a new series gets a new one (which then becomes the thread's).
     */
    private static final ThreadLocal<StreamingAnomalyDetector> DETECTORS = new ThreadLocal<>();
}
