package org.streamml.ml.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.linalg.Vector;

/**
 * A k-means model: k dense centers of equal dimension and a weight per cluster (the discounted number
 * of points it has absorbed; Spark's streaming k-means keeps them, its saved files lose them, ours do
 * not). {@link #predict} gives the nearest center by squared Euclidean distance, the direct sum, ties
 * to the lowest index. Immutable.
 */
public final class KMeansModel implements Model {
    /** The type name in traces and model files. */
    public static final String TYPE = "kmeans";

    private final double[][] centers;
    private final double[] weights;
    private final long version;
    private final long lastBatchTimeMillis;

    /** A model with {@code centers} and cluster {@code weights} (both copied), version 0. */
    public KMeansModel(double[][] centers, double[] weights) {
        this(centers, weights, 0, NO_BATCH);
    }

    /**
     * A model with every field.
     *
     * @throws IllegalArgumentException if there is no center, the centers differ in dimension, or the
     *         number of weights is not k
     */
    public KMeansModel(double[][] centers, double[] weights, long version, long lastBatchTimeMillis) {
        ModelChecks.checkVersion(version, lastBatchTimeMillis);
        if (centers.length == 0) {
            throw new IllegalArgumentException("a k-means model needs at least one center");
        }
        if (weights.length != centers.length) {
            throw new IllegalArgumentException("k-means model has " + centers.length + " centers but "
                    + weights.length + " weights");
        }
        int d = centers[0].length;
        this.centers = new double[centers.length][];
        for (int j = 0; j < centers.length; j++) {
            if (centers[j].length != d) {
                throw new IllegalArgumentException("center " + j + " has dimension " + centers[j].length
                        + ", center 0 has " + d);
            }
            this.centers[j] = centers[j].clone();
        }
        this.weights = weights.clone();
        this.version = version;
        this.lastBatchTimeMillis = lastBatchTimeMillis;
    }

    /** The number of clusters. */
    public int k() {
        return centers.length;
    }

    /** The centers, a deep copy. */
    public double[][] centers() {
        double[][] out = new double[centers.length][];
        for (int j = 0; j < centers.length; j++) {
            out[j] = centers[j].clone();
        }
        return out;
    }

    /** Center {@code j}, a copy. */
    public double[] center(int j) {
        return centers[j].clone();
    }

    /** The cluster weights, a copy. */
    public double[] clusterWeights() {
        return weights.clone();
    }

    /** The index of the nearest center to {@code x}; ties go to the lowest index. */
    public int predict(Vector x) {
        ModelChecks.checkDimension("feature vector", numFeatures(), x.size());
        return nearest(centers, x);
    }

    /** {@link #predict(Vector)} for dense features. */
    public int predict(double[] x) {
        ModelChecks.checkDimension("feature vector", numFeatures(), x.length);
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < centers.length; j++) {
            double d = Kernels.squaredDistance(x, centers[j]);
            if (d < bestDist) {
                bestDist = d;
                best = j;
            }
        }
        return best;
    }

    /**
     * The index of the center of {@code centers} nearest to {@code x} (direct-sum squared distance, ties
     * to the lowest index); the kernel streaming k-means uses. Not modified.
     */
    public static int nearest(double[][] centers, Vector x) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < centers.length; j++) {
            double d = x.squaredDistance(centers[j]);
            if (d < bestDist) {
                bestDist = d;
                best = j;
            }
        }
        return best;
    }

    /** The squared distance from {@code x} to its nearest center. */
    public double cost(Vector x) {
        return x.squaredDistance(centers[predict(x)]);
    }

    /** The sum of squared distances of {@code points} to their nearest centers. */
    public double cost(Iterable<? extends Vector> points) {
        double s = 0.0;
        for (Vector x : points) {
            s += cost(x);
        }
        return s;
    }

    /** This model's centers and weights with another version and batch time. */
    public KMeansModel withVersion(long newVersion, long newLastBatchTimeMillis) {
        return new KMeansModel(centers, weights, newVersion, newLastBatchTimeMillis);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int numFeatures() {
        return centers[0].length;
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
        for (double[] c : centers) {
            if (!ModelChecks.allFinite(c)) {
                return false;
            }
        }
        return ModelChecks.allFinite(weights);
    }

    /** The centers, row by row. */
    @Override
    public double[] parameters() {
        int d = numFeatures();
        double[] out = new double[centers.length * d];
        for (int j = 0; j < centers.length; j++) {
            System.arraycopy(centers[j], 0, out, j * d, d);
        }
        return out;
    }

    /** {@code center j[i]}. */
    @Override
    public String parameterName(int index) {
        int d = numFeatures();
        return "center " + (index / d) + "[" + (index % d) + "]";
    }

    /** {@code [cluster]}: the 0-based index of the nearest center. */
    @Override
    public List<String> outputNames() {
        return List.of("cluster");
    }

    @Override
    public void appendOutputs(StringBuilder row, Vector x) {
        row.append(predict(x));
    }

    @Override
    public Map<String, String> summary() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dimensions", centers.length + " clusters × " + numFeatures() + " features");
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        facts.put("cluster weights", total + " in total");
        return facts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansModel m && Arrays.deepEquals(centers, m.centers)
                && Arrays.equals(weights, m.weights) && version == m.version
                && lastBatchTimeMillis == m.lastBatchTimeMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(centers) * 31 + Arrays.hashCode(weights) + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "KMeansModel[k=" + centers.length + ", dim=" + numFeatures() + ", weights="
                + Arrays.toString(weights) + ", version=" + version + "]";
    }
}
