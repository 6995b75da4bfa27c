package org.streamml.ml.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;

/**
 * Two learners evaluated prequentially on the same stream, batch by batch: typically an adaptive learner and the
 * plain learner it wraps, started from equal models. The plain learner is scored and trained first, then the
 * adaptive one; each batch is scored by both models as they were before it, and the pair is reported once both
 * have scored it.
 *
 * <pre>{@code
 * PrequentialComparison<ClassificationMetrics> cmp = PrequentialComparison.classification(adaptive, plain,
 *         labelled, b -> System.out.println(b.time() + " " + b.adaptive().accuracy() + " vs " + b.plain().accuracy()));
 * ssc.start(); ssc.awaitTermination();
 * double gain = cmp.adaptive().summary().accuracy() - cmp.plain().summary().accuracy();
 * }</pre>
 *
 * @param <M> the metrics type
 */
public final class PrequentialComparison<M> {

    /**
     * One batch scored by both learners.
     *
     * @param time the batch
     * @param adaptive the first (adaptive) learner's metrics
     * @param plain the second (plain) learner's metrics
     * @param <M> the metrics type
     */
    public record Compared<M>(Time time, M adaptive, M plain) {
    }

    private final List<Compared<M>> history = Collections.synchronizedList(new ArrayList<>());
    private final Prequential<M> adaptive;
    private final Prequential<M> plain;

    private PrequentialComparison(Consumer<Compared<M>> onBatch,
                                  BiFunction<StreamingLearner<?, ?>, Consumer<BatchMetrics<M>>, Prequential<M>> eval,
                                  StreamingLearner<?, ?> adaptiveLearner, StreamingLearner<?, ?> plainLearner) {
        Objects.requireNonNull(onBatch, "onBatch");
        if (adaptiveLearner == plainLearner) {
            throw new IllegalArgumentException("compare two learners, not one with itself");
        }
        BatchMetrics<M>[] lastPlain = newHolder();
        this.plain = eval.apply(plainLearner, m -> lastPlain[0] = m);
        this.adaptive = eval.apply(adaptiveLearner, m -> {
            BatchMetrics<M> p = lastPlain[0];
            if (p != null && p.time().equals(m.time())) {
                Compared<M> c = new Compared<>(m.time(), m.metrics(), p.metrics());
                history.add(c);
                onBatch.accept(c);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <M> BatchMetrics<M>[] newHolder() {
        return (BatchMetrics<M>[]) new BatchMetrics<?>[1];
    }

    /** Compares two logistic regressions by their classification metrics. */
    @SuppressWarnings("unchecked")
    public static PrequentialComparison<ClassificationMetrics> classification(
            StreamingLearner<LabeledPoint, LogisticRegressionModel> adaptive,
            StreamingLearner<LabeledPoint, LogisticRegressionModel> plain, DStream<LabeledPoint> data,
            Consumer<Compared<ClassificationMetrics>> onBatch) {
        Objects.requireNonNull(data, "data");
        return new PrequentialComparison<>(onBatch, (l, c) -> Prequential.classification(
                (StreamingLearner<LabeledPoint, LogisticRegressionModel>) l, data, c), adaptive, plain);
    }

    /** Compares two linear regressions by their regression metrics. */
    @SuppressWarnings("unchecked")
    public static PrequentialComparison<RegressionMetrics> regression(
            StreamingLearner<LabeledPoint, LinearRegressionModel> adaptive,
            StreamingLearner<LabeledPoint, LinearRegressionModel> plain, DStream<LabeledPoint> data,
            Consumer<Compared<RegressionMetrics>> onBatch) {
        Objects.requireNonNull(data, "data");
        return new PrequentialComparison<>(onBatch, (l, c) -> Prequential.regression(
                (StreamingLearner<LabeledPoint, LinearRegressionModel>) l, data, c), adaptive, plain);
    }

    /** Compares two k-means learners by their clustering cost. */
    @SuppressWarnings("unchecked")
    public static PrequentialComparison<ClusteringMetrics> clustering(StreamingLearner<Vector, KMeansModel> adaptive,
                                                                      StreamingLearner<Vector, KMeansModel> plain,
                                                                      DStream<Vector> data,
                                                                      Consumer<Compared<ClusteringMetrics>> onBatch) {
        Objects.requireNonNull(data, "data");
        return new PrequentialComparison<>(onBatch, (l, c) -> Prequential.clustering(
                (StreamingLearner<Vector, KMeansModel>) l, data, c), adaptive, plain);
    }

    /** The first (adaptive) learner's evaluation. */
    public Prequential<M> adaptive() {
        return adaptive;
    }

    /** The second (plain) learner's evaluation. */
    public Prequential<M> plain() {
        return plain;
    }

    /** Every batch both scored, in order. */
    public List<Compared<M>> batches() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
