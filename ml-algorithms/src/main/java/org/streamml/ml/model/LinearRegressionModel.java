package org.streamml.ml.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.Vector;

/**
 * A linear regression model, {@code ŷ = w·x + b}, with the effective count that forgetting needs to
 * continue (see {@link #effectiveCount()}). Immutable.
 */
public final class LinearRegressionModel implements LinearModel {
    /** The type name in traces and model files. */
    public static final String TYPE = "linear-regression";

    private final double[] weights;
    private final double intercept;
    private final long version;
    private final long lastBatchTimeMillis;
    private final double effectiveCount;

    /** A model with {@code weights} (copied) and {@code intercept}, version 0. */
    public LinearRegressionModel(double[] weights, double intercept) {
        this(weights, intercept, 0, NO_BATCH);
    }

    /**
     * A model with its version and the time of the last batch applied ({@link #NO_BATCH} if none), effective
     * count 0.
     */
    public LinearRegressionModel(double[] weights, double intercept, long version, long lastBatchTimeMillis) {
        this(weights, intercept, version, lastBatchTimeMillis, 0.0);
    }

    /**
     * A model with every field.
     *
     * @param effectiveCount the discounted number of points behind the model, >= 0 (see {@link #effectiveCount()})
     */
    public LinearRegressionModel(double[] weights, double intercept, long version, long lastBatchTimeMillis,
                                 double effectiveCount) {
        ModelChecks.checkVersion(version, lastBatchTimeMillis);
        ModelChecks.checkEffectiveCount(effectiveCount);
        this.weights = weights.clone();
        this.intercept = intercept;
        this.version = version;
        this.lastBatchTimeMillis = lastBatchTimeMillis;
        this.effectiveCount = effectiveCount;
    }

    /** The weights, a copy. */
    public double[] weights() {
        return weights.clone();
    }

    /** The intercept. */
    public double intercept() {
        return intercept;
    }

    /**
     * The discounted number of points behind this model, {@code N}: a streaming learner with forgetting
     * factor {@code a} weighs the model {@code a·N} against the next batch of n points and records
     * {@code a·N + n}; without forgetting it records the batch's n. 0 for an initial or offline model
     * (and for files written before the count was stored): the next batch then replaces the weights, as
     * a learner started from such a model always did.
     */
    public double effectiveCount() {
        return effectiveCount;
    }

    /** The prediction {@code w·x + b}. */
    public double predict(Vector x) {
        ModelChecks.checkDimension("feature vector", weights.length, x.size());
        return x.dot(weights) + intercept;
    }

    /** The prediction for dense features. */
    public double predict(double[] x) {
        ModelChecks.checkDimension("feature vector", weights.length, x.length);
        return Kernels.dot(x, weights) + intercept;
    }

    /** This model's parameters with another version and batch time. */
    public LinearRegressionModel withVersion(long newVersion, long newLastBatchTimeMillis) {
        return new LinearRegressionModel(weights, intercept, newVersion, newLastBatchTimeMillis, effectiveCount);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int numFeatures() {
        return weights.length;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public long lastBatchTimeMillis() {
        return lastBatchTimeMillis;
    }

    /** {@code [prediction]}. */
    @Override
    public List<String> outputNames() {
        return List.of("prediction");
    }

    @Override
    public void appendOutputs(StringBuilder row, Vector x) {
        row.append(predict(x));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearRegressionModel m && Arrays.equals(weights, m.weights)
                && Double.compare(intercept, m.intercept) == 0 && version == m.version
                && lastBatchTimeMillis == m.lastBatchTimeMillis
                && Double.compare(effectiveCount, m.effectiveCount) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(intercept) + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "LinearRegressionModel[weights=" + Arrays.toString(weights) + ", intercept=" + intercept
                + ", version=" + version + ", effectiveCount=" + effectiveCount + "]";
    }
}
