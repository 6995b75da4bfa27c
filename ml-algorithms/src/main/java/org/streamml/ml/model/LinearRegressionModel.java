package org.streamml.ml.model;

import java.util.Arrays;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.Vector;

/**
 * A linear regression model, {@code ŷ = w·x + b}. Immutable.
 */
public final class LinearRegressionModel implements Model {
    /** The type name in traces and model files. */
    public static final String TYPE = "linear-regression";

    private final double[] weights;
    private final double intercept;
    private final long version;
    private final long lastBatchTimeMillis;

    /** A model with {@code weights} (copied) and {@code intercept}, version 0. */
    public LinearRegressionModel(double[] weights, double intercept) {
        this(weights, intercept, 0, NO_BATCH);
    }

    /** A model with its version and the time of the last batch applied ({@link #NO_BATCH} if none). */
    public LinearRegressionModel(double[] weights, double intercept, long version, long lastBatchTimeMillis) {
        ModelChecks.checkVersion(version, lastBatchTimeMillis);
        this.weights = weights.clone();
        this.intercept = intercept;
        this.version = version;
        this.lastBatchTimeMillis = lastBatchTimeMillis;
    }

    /** The weights, a copy. */
    public double[] weights() {
        return weights.clone();
    }

    /** The intercept. */
    public double intercept() {
        return intercept;
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
        return new LinearRegressionModel(weights, intercept, newVersion, newLastBatchTimeMillis);
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

    @Override
    public boolean isFinite() {
        return ModelChecks.allFinite(weights) && Double.isFinite(intercept);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearRegressionModel m && Arrays.equals(weights, m.weights)
                && Double.compare(intercept, m.intercept) == 0 && version == m.version
                && lastBatchTimeMillis == m.lastBatchTimeMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(intercept) + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "LinearRegressionModel[weights=" + Arrays.toString(weights) + ", intercept=" + intercept
                + ", version=" + version + "]";
    }
}
