package org.streamml.ml.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.random.XORShiftRandom;

/** The data generators of Spark's streaming test suites, regenerated with the same random streams. */
final class SparkGenerators {
    private SparkGenerators() {
    }

    /**
     * {@code LinearDataGenerator.generateLinearInput(intercept, weights, n, seed, eps = 0.1)}: features
     * uniform on [−1, 1) from {@code java.util.Random(seed)}, all points' features first, then the labels
     * {@code w·x + intercept + eps·N(0,1)}.
     */
    static List<LabeledPoint> linearInput(double intercept, double[] weights, int n, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][weights.length];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (rnd.nextDouble() - 0.5) * Math.sqrt(12.0 * (1.0 / 3.0));
            }
        }
        List<LabeledPoint> out = new ArrayList<>(n);
        for (double[] row : x) {
            double dot = 0.0;
            for (int i = 0; i < row.length; i++) {
                dot += row[i] * weights[i];
            }
            double y = dot + intercept + 0.1 * rnd.nextGaussian();
            out.add(new LabeledPoint(y, Vectors.dense(row)));
        }
        return out;
    }

    /**
     * {@code LogisticRegressionSuite.generateLogisticInput(offset, scale, n, seed)}: n standard normal
     * features, then labels drawn with {@code P(y=1) = σ(offset + scale·x)}.
     */
    static List<LabeledPoint> logisticInput(double offset, double scale, int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = rnd.nextGaussian();
        }
        List<LabeledPoint> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            double p = 1.0 / (1.0 + Math.exp(-(offset + scale * x[j])));
            double y = rnd.nextDouble() < p ? 1.0 : 0.0;
            out.add(LabeledPoint.of(y, x[j]));
        }
        return out;
    }

    /** The output of {@code StreamingKMeansDataGenerator}: the true centers and the batches. */
    record KMeansData(double[][] centers, List<List<Vector>> batches) {
    }

    /**
     * {@code StreamingKMeansDataGenerator(numPoints, numBatches, k, d, r, seed, initCenters)}: k centers
     * from {@code XORShiftRandom(seed).nextGaussian()} unless given, then point {@code idx} of each batch
     * is {@code centers[idx mod k] + r·N(0,1)} per component.
     */
    static KMeansData kmeansInput(int numPoints, int numBatches, int k, int d, double r, long seed,
                                  double[][] initCenters) {
        XORShiftRandom rand = new XORShiftRandom(seed);
        double[][] centers = initCenters;
        if (centers == null) {
            centers = new double[k][d];
            for (double[] c : centers) {
                for (int t = 0; t < d; t++) {
                    c[t] = rand.nextGaussian();
                }
            }
        }
        List<List<Vector>> batches = new ArrayList<>(numBatches);
        for (int b = 0; b < numBatches; b++) {
            List<Vector> batch = new ArrayList<>(numPoints);
            for (int idx = 0; idx < numPoints; idx++) {
                double[] c = centers[idx % k];
                double[] x = new double[d];
                for (int t = 0; t < d; t++) {
                    x[t] = c[t] + rand.nextGaussian() * r;
                }
                batch.add(Vectors.dense(x));
            }
            batches.add(batch);
        }
        return new KMeansData(centers, batches);
    }
}
