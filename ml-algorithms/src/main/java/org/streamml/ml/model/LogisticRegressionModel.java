package org.streamml.ml.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.Vector;

/**
 * A binary logistic regression model: {@code p = 1/(1+exp(-(w·x + b)))}; with a threshold t (default
 * 0.5) {@link #predict} gives class 1 when {@code p > t} (strictly, as Spark), without one it gives p.
 * Like {@link LinearRegressionModel} it carries the effective count that forgetting needs to continue.
 * Immutable.
 */
public final class LogisticRegressionModel implements LinearModel {
    /** The type name in traces and model files. */
    public static final String TYPE = "logistic-regression";
    /** Spark's default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final double[] weights;
    private final double intercept;
    private final OptionalDouble threshold;
    private final long version;
    private final long lastBatchTimeMillis;
    private final double effectiveCount;

    /** A model with {@code weights} (copied), {@code intercept}, threshold 0.5, version 0. */
    public LogisticRegressionModel(double[] weights, double intercept) {
        this(weights, intercept, OptionalDouble.of(DEFAULT_THRESHOLD), 0, NO_BATCH);
    }

    /**
     * A model with every field.
     *
     * @param threshold the decision threshold in [0, 1], or empty to predict raw probabilities
     */
    public LogisticRegressionModel(double[] weights, double intercept, OptionalDouble threshold, long version,
                                   long lastBatchTimeMillis) {
        this(weights, intercept, threshold, version, lastBatchTimeMillis, 0.0);
    }

    /**
     * A model with every field, the effective count of forgetting included.
     *
     * @param threshold the decision threshold in [0, 1], or empty to predict raw probabilities
     * @param effectiveCount the discounted number of points behind the model, >= 0
     *        ({@link LinearRegressionModel#effectiveCount()} explains it)
     */
    public LogisticRegressionModel(double[] weights, double intercept, OptionalDouble threshold, long version,
                                   long lastBatchTimeMillis, double effectiveCount) {
        ModelChecks.checkVersion(version, lastBatchTimeMillis);
        ModelChecks.checkEffectiveCount(effectiveCount);
        if (threshold.isPresent() && !(threshold.getAsDouble() >= 0 && threshold.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold.getAsDouble());
        }
        this.weights = weights.clone();
        this.intercept = intercept;
        this.threshold = threshold;
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

    /** The threshold, or empty when the model predicts raw probabilities. */
    public OptionalDouble threshold() {
        return threshold;
    }

    /**
     * The discounted number of points behind this model (0 for an initial or offline model);
     * {@link LinearRegressionModel#effectiveCount()} explains it.
     */
    public double effectiveCount() {
        return effectiveCount;
    }

    /** The probability of class 1. */
    public double probability(Vector x) {
        ModelChecks.checkDimension("feature vector", weights.length, x.size());
        return sigmoid(x.dot(weights) + intercept);
    }

    /** The probability of class 1 for dense features. */
    public double probability(double[] x) {
        ModelChecks.checkDimension("feature vector", weights.length, x.length);
        return sigmoid(Kernels.dot(x, weights) + intercept);
    }

    /** The class (0.0 or 1.0) if the model has a threshold, else the probability of class 1. */
    public double predict(Vector x) {
        return decide(probability(x));
    }

    /** {@link #predict(Vector)} for dense features. */
    public double predict(double[] x) {
        return decide(probability(x));
    }

    private double decide(double p) {
        if (threshold.isEmpty()) {
            return p;
        }
        return p > threshold.getAsDouble() ? 1.0 : 0.0;
    }

    /** {@code 1/(1+exp(-z))}. */
    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** A copy with threshold {@code t}. */
    public LogisticRegressionModel withThreshold(double t) {
        return new LogisticRegressionModel(weights, intercept, OptionalDouble.of(t), version, lastBatchTimeMillis,
                effectiveCount);
    }

    /** A copy without threshold: {@link #predict} gives raw probabilities. */
    public LogisticRegressionModel clearThreshold() {
        return new LogisticRegressionModel(weights, intercept, OptionalDouble.empty(), version, lastBatchTimeMillis,
                effectiveCount);
    }

    /** This model's parameters with another version and batch time. */
    public LogisticRegressionModel withVersion(long newVersion, long newLastBatchTimeMillis) {
        return new LogisticRegressionModel(weights, intercept, threshold, newVersion, newLastBatchTimeMillis,
                effectiveCount);
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

    /** {@code [class, probability]}: the class by the threshold (0.5 when there is none) and p. */
    @Override
    public List<String> outputNames() {
        return List.of("class", "probability");
    }

    @Override
    public void appendOutputs(StringBuilder row, Vector x) {
        double p = probability(x);
        row.append(p > threshold.orElse(DEFAULT_THRESHOLD) ? 1 : 0).append(',').append(p);
    }

    @Override
    public Map<String, String> summary() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dimensions", numFeatures() + " features");
        facts.put("threshold", threshold.isPresent() ? Double.toString(threshold.getAsDouble())
                : "none (predicts probabilities)");
        facts.put("effective count", Double.toString(effectiveCount));
        return facts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticRegressionModel m && Arrays.equals(weights, m.weights)
                && Double.compare(intercept, m.intercept) == 0 && threshold.equals(m.threshold)
                && version == m.version && lastBatchTimeMillis == m.lastBatchTimeMillis
                && Double.compare(effectiveCount, m.effectiveCount) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(intercept) + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "LogisticRegressionModel[weights=" + Arrays.toString(weights) + ", intercept=" + intercept
                + ", threshold=" + threshold + ", version=" + version + ", effectiveCount=" + effectiveCount + "]";
    }

    /** Java serialization writes this proxy, because {@link OptionalDouble} is not serializable. */
    private Object writeReplace() {
        return new SerialForm(weights, intercept, threshold.isPresent(), threshold.orElse(0.0), version,
                lastBatchTimeMillis, effectiveCount);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a LogisticRegressionModel is read through its serial form");
    }

    /** The serial form: the fields, with the threshold as a flag and a value; read back through the constructor. */
    private record SerialForm(double[] weights, double intercept, boolean hasThreshold, double threshold,
                              long version, long lastBatchTimeMillis, double effectiveCount)
            implements java.io.Serializable {
        private Object readResolve() throws java.io.InvalidObjectException {
            try {
                return new LogisticRegressionModel(weights, intercept,
                        hasThreshold ? OptionalDouble.of(threshold) : OptionalDouble.empty(), version,
                        lastBatchTimeMillis, effectiveCount);
            } catch (IllegalArgumentException e) {
                java.io.InvalidObjectException bad = new java.io.InvalidObjectException(
                        "invalid serialized LogisticRegressionModel: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }
}
