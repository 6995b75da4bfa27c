package org.streamml.ml.model;

import java.util.Arrays;
import java.util.Map;

/**
 * A model with one weight per feature and an intercept, as Spark's {@code GeneralizedLinearModel}: linear
 * and logistic regression. It carries the effective count of a learner that forgets (the number of points
 * the model stands for after discounting), so that a saved model resumes forgetting exactly where it
 * stopped. The shared descriptions ({@link #parameters()}, {@link #parameterName}, {@link #isFinite()})
 * live here once.
 */
public interface LinearModel extends Model {

    /** A copy of the weights, one per feature. */
    double[] weights();

    /** The intercept (0 unless the learner fits one). */
    double intercept();

    /** The effective number of points behind the model after forgetting (0 for a new model). */
    double effectiveCount();

    /** The weights, then the intercept. */
    @Override
    default double[] parameters() {
        double[] w = weights();
        double[] out = Arrays.copyOf(w, w.length + 1);
        out[w.length] = intercept();
        return out;
    }

    /** {@code w0, w1, …} and {@code intercept} last. */
    @Override
    default String parameterName(int index) {
        return index == numFeatures() ? "intercept" : "w" + index;
    }

    @Override
    default boolean isFinite() {
        return ModelChecks.allFinite(weights()) && Double.isFinite(intercept()) && Double.isFinite(effectiveCount());
    }

    /** The dimensions, then the effective count. */
    @Override
    default Map<String, String> summary() {
        Map<String, String> facts = Model.super.summary();
        facts.put("effective count", Double.toString(effectiveCount()));
        return facts;
    }
}
