package org.streamml.ml.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;

/**
 * Prequential (test-then-train) evaluation: registers a scoring output on the stream and then the
 * learner's {@code trainOn}, so, outputs running in registration order, every batch is scored by the
 * model trained through the previous batch and only then trained on. Scoring is an aggregate over
 * partitions. Any learner of the model type will do, an adaptive one ({@code AdaptiveLearner}) included;
 * {@link PrequentialComparison} scores two on the same stream. Empty batches, and batches that arrive before a learner has any model, are not scored.
 *
 * <pre>{@code
 * Prequential<RegressionMetrics> eval = Prequential.regression(learner, labelled,
 *         m -> System.out.println(m.time() + " rmse " + m.metrics().rmse()));
 * ssc.start(); ssc.awaitTermination();
 * RegressionMetrics overall = eval.summary();
 * }</pre>
 *
 * @param <M> the metrics type
 */
public final class Prequential<M> {
    private final List<BatchMetrics<M>> history = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<BatchMetrics<M>> listener;
    private final Supplier<M> summaryOf;

    private Prequential(Consumer<BatchMetrics<M>> listener, Supplier<M> summaryOf) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.summaryOf = summaryOf;
    }

    /** Evaluates and trains a streaming linear regression on {@code data}. */
    public static Prequential<RegressionMetrics> regression(
            StreamingLearner<LabeledPoint, LinearRegressionModel> learner, DStream<LabeledPoint> data,
            Consumer<BatchMetrics<RegressionMetrics>> onBatch) {
        RegressionMetrics.Accumulator total = new RegressionMetrics.Accumulator();
        Prequential<RegressionMetrics> p = new Prequential<>(onBatch, () -> {
            synchronized (total) {
                return total.metrics();
            }
        });
        data.foreachBatch((batch, time) -> {
            if (batch.isEmpty() || !learner.hasModel()) {
                return;
            }
            LinearRegressionModel m = learner.latestModel();
            RegressionMetrics.Accumulator acc = batch.aggregatePartitions(RegressionMetrics.Accumulator::new,
                    part -> {
                        RegressionMetrics.Accumulator a = new RegressionMetrics.Accumulator();
                        for (LabeledPoint x : part) {
                            a.add(x.label(), m.predict(x.features()));
                        }
                        return a;
                    }, RegressionMetrics.Accumulator::merge);
            synchronized (total) {
                total.merge(acc);
            }
            p.emit(new BatchMetrics<>(time, m.version(), acc.metrics()));
        });
        learner.trainOn(data);
        return p;
    }

    /** Evaluates and trains a streaming logistic regression on {@code data} (scores are probabilities). */
    public static Prequential<ClassificationMetrics> classification(
            StreamingLearner<LabeledPoint, LogisticRegressionModel> learner, DStream<LabeledPoint> data,
            Consumer<BatchMetrics<ClassificationMetrics>> onBatch) {
        ClassificationSummary total = new ClassificationSummary();
        Prequential<ClassificationMetrics> p = new Prequential<>(onBatch, total::metrics);
        data.foreachBatch((batch, time) -> {
            if (batch.isEmpty() || !learner.hasModel()) {
                return;
            }
            LogisticRegressionModel m = learner.latestModel();
            int n = Math.toIntExact(batch.count());
            double[] y = new double[n];
            double[] prob = new double[n];
            int[] offsets = partitionOffsets(batch);
            batch.executor().runTasks(batch.numPartitions(), i -> {
                int k = offsets[i];
                for (LabeledPoint x : batch.partition(i)) {
                    y[k] = x.label();
                    prob[k++] = m.probability(x.features());
                }
                return null;
            });
            total.add(y, prob, n);
            p.emit(new BatchMetrics<>(time, m.version(), ClassificationMetrics.of(y, prob, n)));
        });
        learner.trainOn(data);
        return p;
    }

    /** Evaluates and trains streaming k-means on {@code data}. */
    public static Prequential<ClusteringMetrics> clustering(StreamingLearner<Vector, KMeansModel> learner,
                                                            DStream<Vector> data,
                                                            Consumer<BatchMetrics<ClusteringMetrics>> onBatch) {
        double[] totals = new double[2];
        Prequential<ClusteringMetrics> p = new Prequential<>(onBatch, () -> {
            synchronized (totals) {
                return ClusteringMetrics.of((long) totals[0], totals[1]);
            }
        });
        data.foreachBatch((batch, time) -> {
            if (batch.isEmpty()) {
                return;
            }
            KMeansModel m = learner.latestModel();
            double cost = batch.aggregatePartitions(() -> 0.0, part -> {
                double c = 0;
                for (Vector x : part) {
                    c += m.cost(x);
                }
                return c;
            }, Double::sum);
            long n = batch.count();
            synchronized (totals) {
                totals[0] += n;
                totals[1] += cost;
            }
            p.emit(new BatchMetrics<>(time, m.version(), ClusteringMetrics.of(n, cost)));
        });
        learner.trainOn(data);
        return p;
    }

    private void emit(BatchMetrics<M> m) {
        history.add(m);
        listener.accept(m);
    }

    /** The metrics of every batch scored so far, in order. */
    public List<BatchMetrics<M>> batches() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The metrics over every record scored so far. */
    public M summary() {
        return summaryOf.get();
    }

    private static int[] partitionOffsets(Batch<?> batch) {
        int[] offsets = new int[batch.numPartitions()];
        int k = 0;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = k;
            k += batch.partition(i).size();
        }
        return offsets;
    }
}
