package org.streamml.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.DStream;
import org.streamml.streaming.StreamingContext;

/**
 * The prequential metric of a {@code train} run, test then train: registered before the learner's training, it
 * scores every batch with the model as it was before the batch (partition tasks that send back two numbers) and
 * sums over the run: {@code prequential_accuracy} (logreg, the fraction of records classified right),
 * {@code prequential_rmse} (linreg) or {@code prequential_cost} (kmeans, the sum of squared distances to the
 * nearest center). The two sums are checkpointed, so a resumed run reports the metric of an unbroken one.
 */
final class PrequentialTotals {
    private final String name;
    /** The metric from {@code (sum, count)}. */
    private final DoubleBinaryOperator metric;
    private final double[] totals = new double[2];

    private PrequentialTotals(String name, DoubleBinaryOperator metric) {
        this.name = name;
        this.metric = metric;
    }

    /** Registers the scoring of {@code stream} for {@code learner}; call it before registering the training. */
    static PrequentialTotals register(StreamingContext ssc, DStream<LabeledPoint> stream,
                                      StreamingLearner<?, ?> learner) {
        Class<?> type = learner.modelType();
        PrequentialTotals p;
        if (type == LogisticRegressionModel.class) {
            p = new PrequentialTotals("prequential_accuracy", (sum, n) -> sum / n);
            p.score(stream, learner, PrequentialTotals::logistic);
        } else if (type == LinearRegressionModel.class) {
            p = new PrequentialTotals("prequential_rmse", (sum, n) -> Math.sqrt(sum / n));
            p.score(stream, learner, PrequentialTotals::linear);
        } else if (type == KMeansModel.class) {
            p = new PrequentialTotals("prequential_cost", (sum, n) -> sum);
            p.score(stream, learner, PrequentialTotals::kMeans);
        } else {
            throw new IllegalStateException("no prequential metric for " + type.getName());
        }
        ssc.registerCheckpointed(Checkpointed.of("prequential", p::snapshot, p::restore));
        return p;
    }

    /** Scores a batch with a model: {@code [sum, count]}. */
    private interface Scorer {
        double[] score(Batch<LabeledPoint> batch, Model model);
    }

    private void score(DStream<LabeledPoint> stream, StreamingLearner<?, ?> learner, Scorer scorer) {
        stream.foreachBatch((batch, time) -> {
            if (batch.isEmpty() || !learner.hasModel()) {
                return;
            }
            double[] s = scorer.score(batch, learner.latestModel());
            synchronized (totals) {
                totals[0] += s[0];
                totals[1] += s[1];
            }
        });
    }

    private static double[] logistic(Batch<LabeledPoint> batch, Model model) {
        LogisticRegressionModel m = (LogisticRegressionModel) model;
        return batch.aggregatePartitions(() -> new double[2], part -> rightAnswers(m, part), PrequentialTotals::add);
    }

    private static double[] rightAnswers(LogisticRegressionModel m, List<LabeledPoint> part) {
        double threshold = m.threshold().orElse(LogisticRegressionModel.DEFAULT_THRESHOLD);
        double right = 0;
        for (LabeledPoint p : part) {
            double predicted = m.probability(p.features()) > threshold ? 1.0 : 0.0;
            right += predicted == p.label() ? 1 : 0;
        }
        return new double[] {right, part.size()};
    }

    private static double[] linear(Batch<LabeledPoint> batch, Model model) {
        LinearRegressionModel m = (LinearRegressionModel) model;
        return batch.aggregatePartitions(() -> new double[2], part -> squaredErrors(m, part), PrequentialTotals::add);
    }

    private static double[] squaredErrors(LinearRegressionModel m, List<LabeledPoint> part) {
        double sum = 0;
        for (LabeledPoint p : part) {
            double e = p.label() - m.predict(p.features());
            sum += e * e;
        }
        return new double[] {sum, part.size()};
    }

    private static double[] kMeans(Batch<LabeledPoint> batch, Model model) {
        KMeansModel m = (KMeansModel) model;
        return batch.aggregatePartitions(() -> new double[2], part -> costs(m, part), PrequentialTotals::add);
    }

    private static double[] costs(KMeansModel m, List<LabeledPoint> part) {
        double sum = 0;
        for (LabeledPoint p : part) {
            sum += m.cost(p.features());
        }
        return new double[] {sum, part.size()};
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    private Object snapshot() {
        synchronized (totals) {
            return totals.clone();
        }
    }

    private void restore(Object state) {
        double[] s = (double[]) state;
        synchronized (totals) {
            System.arraycopy(s, 0, totals, 0, totals.length);
        }
    }

    /** The metric's name: {@code prequential_accuracy}, {@code prequential_rmse} or {@code prequential_cost}. */
    String name() {
        return name;
    }

    /** The metric so far; NaN before a record was scored. */
    double value() {
        synchronized (totals) {
            double n = totals[1];
            return n == 0 ? Double.NaN : metric.applyAsDouble(totals[0], n);
        }
    }

    /**
     * The metric for people: "prequential accuracy 0.9134 (9,134 of 10,000 records)", "prequential RMSE 0.512",
     * "prequential within-cluster cost 1234.5 (sum of squared distances to the nearest center)", or that no
     * record was scored.
     */
    String describe() {
        double value = value();
        double n;
        synchronized (totals) {
            n = totals[1];
        }
        if (Double.isNaN(value)) {
            return "no prequential metric (no batch was scored by a model before it trained one)";
        }
        return switch (name) {
            case "prequential_accuracy" -> String.format(Locale.ROOT, "prequential accuracy %.4f (%,.0f of %,.0f"
                    + " records classified right before training on them)", value, value * n, n);
            case "prequential_rmse" -> String.format(Locale.ROOT, "prequential RMSE %.6g (over %,.0f records, each"
                    + " predicted before training on it)", value, n);
            default -> String.format(Locale.ROOT, "prequential within-cluster cost %.6g (squared distances of %,.0f"
                    + " records to their nearest center, before training on them)", value, n);
        };
    }

    /** The JSON field: {@code "prequential_accuracy":0.91}; NaN (no record scored) is written as {@code null}. */
    String jsonField() {
        double value = value();
        return String.format(Locale.ROOT, "\"%s\":%s", name, Double.isNaN(value) ? "null" : Double.toString(value));
    }
}
