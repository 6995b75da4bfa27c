package org.streamml.cli;

import java.util.Locale;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/**
 * How well {@code predict}'s model did on the rows that had a label: accuracy (logistic regression, at the model's
 * threshold), RMSE (linear regression), or, for k-means, which needs no label, the within-cluster cost (the sum
 * of squared distances of the rows to their nearest center). Other model types get no score.
 */
final class PredictionScore {
    private final Model model;
    private double sum;
    private long scored;

    PredictionScore(Model model) {
        this.model = model;
    }

    /** Scores a row with features {@code x} and label {@code label} (NaN: the row has none). */
    void add(Vector x, double label) {
        if (model instanceof KMeansModel km) {
            sum += km.cost(x);
            scored++;
        } else if (Double.isNaN(label)) {
            return;
        } else if (model instanceof LogisticRegressionModel lr) {
            double threshold = lr.threshold().orElse(LogisticRegressionModel.DEFAULT_THRESHOLD);
            double predicted = lr.probability(x) > threshold ? 1.0 : 0.0;
            sum += predicted == label ? 1 : 0;
            scored++;
        } else if (model instanceof LinearRegressionModel lin) {
            double e = label - lin.predict(x);
            sum += e * e;
            scored++;
        }
    }

    /** The rows scored. */
    long scored() {
        return scored;
    }

    /** The score's name, as in train's JSON line without "prequential_": accuracy, rmse or cost; null if none. */
    String name() {
        return model instanceof KMeansModel ? "cost" : model instanceof LogisticRegressionModel ? "accuracy"
                : model instanceof LinearRegressionModel ? "rmse" : null;
    }

    /** The score, NaN when no row was scored. */
    double value() {
        if (scored == 0) {
            return Double.NaN;
        }
        return model instanceof LinearRegressionModel ? Math.sqrt(sum / scored)
                : model instanceof LogisticRegressionModel ? sum / scored : sum;
    }

    /**
     * The line for people, "accuracy 0.9340 (934 of 1,000 labelled rows right)", "RMSE 0.512 (over 1,000 labelled
     * rows)" or "within-cluster cost 12.5 (1,000 rows)", or {@code null} when no row was scored.
     */
    String describe() {
        if (scored == 0 || name() == null) {
            return null;
        }
        double v = value();
        return switch (name()) {
            case "accuracy" -> String.format(Locale.ROOT, "accuracy %.4f (%,.0f of %,d labelled rows right)", v, sum,
                    scored);
            case "rmse" -> String.format(Locale.ROOT, "RMSE %.6g (over %,d labelled rows)", v, scored);
            default -> String.format(Locale.ROOT, "within-cluster cost %.6g (squared distances of %,d rows to their"
                    + " nearest center)", v, scored);
        };
    }
}
