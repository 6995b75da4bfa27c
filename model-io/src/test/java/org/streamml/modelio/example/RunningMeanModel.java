package org.streamml.modelio.example;

import java.util.Arrays;
import java.util.List;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.Model;

/** The example model: the mean of every vector seen and how many there were. Immutable. */
public final class RunningMeanModel implements Model {
    /** The type name in traces and model files. */
    public static final String TYPE = "running-mean";

    private final double[] mean;
    private final double count;
    private final long version;
    private final long lastBatchTimeMillis;

    /** A model with every field; {@code mean} is copied. */
    public RunningMeanModel(double[] mean, double count, long version, long lastBatchTimeMillis) {
        if (!(count >= 0)) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        this.mean = mean.clone();
        this.count = count;
        this.version = version;
        this.lastBatchTimeMillis = lastBatchTimeMillis;
    }

    /** The mean, a copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** The number of vectors behind the mean. */
    public double count() {
        return count;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int numFeatures() {
        return mean.length;
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
        for (double v : mean) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return Double.isFinite(count);
    }

    @Override
    public double[] parameters() {
        return mean.clone();
    }

    /** {@code [distance]}: the squared distance of a vector to the mean. */
    @Override
    public List<String> outputNames() {
        return List.of("distance");
    }

    @Override
    public void appendOutputs(StringBuilder row, Vector x) {
        row.append(x.squaredDistance(mean));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunningMeanModel m && Arrays.equals(mean, m.mean)
                && Double.compare(count, m.count) == 0 && version == m.version
                && lastBatchTimeMillis == m.lastBatchTimeMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "RunningMeanModel[mean=" + Arrays.toString(mean) + ", count=" + count + ", version=" + version + "]";
    }
}
