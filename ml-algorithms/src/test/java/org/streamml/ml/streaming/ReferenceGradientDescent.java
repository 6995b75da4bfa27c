package org.streamml.ml.streaming;

import java.util.List;
import org.streamml.ml.LabeledPoint;

/**
 * A direct, unoptimised transcription of spec §2.1 (Spark's runMiniBatchSGD with fraction 1) for one
 * batch split into two contiguous partitions, used to check the learners number by number.
 */
final class ReferenceGradientDescent {
    private ReferenceGradientDescent() {
    }

    static double[] run(List<LabeledPoint> batch, double[] w0, double step, int iterations, double lambda,
                        double tol, boolean logistic) {
        double[] w = w0.clone();
        double[] prevW = null;
        int half = batch.size() / 2;
        int updates = 0;
        for (int i = 1; i <= iterations; i++) {
            double[] g1 = gradient(batch.subList(0, half), w, logistic);
            double[] g2 = gradient(batch.subList(half, batch.size()), w, logistic);
            double[] g = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                g[j] = (0.0 + g1[j]) + g2[j];
            }
            double eta = step / Math.sqrt(i);
            double[] next = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double wj = logistic ? w[j] * (1.0 - eta * lambda) : w[j];
                next[j] = wj + -eta * (g[j] / batch.size());
            }
            prevW = w;
            w = next;
            updates++;
            if (updates >= 2) {
                double diff = 0;
                double norm = 0;
                for (int j = 0; j < w.length; j++) {
                    diff += (prevW[j] - w[j]) * (prevW[j] - w[j]);
                    norm += w[j] * w[j];
                }
                if (Math.sqrt(diff) < tol * Math.max(Math.sqrt(norm), 1.0)) {
                    break;
                }
            }
        }
        return w;
    }

    private static double[] gradient(List<LabeledPoint> part, double[] w, boolean logistic) {
        double[] g = new double[w.length];
        for (LabeledPoint p : part) {
            double z = 0;
            for (int j = 0; j < w.length; j++) {
                z += p.features().get(j) * w[j];
            }
            double m = logistic ? 1.0 / (1.0 + Math.exp(-z)) - p.label() : z - p.label();
            for (int j = 0; j < w.length; j++) {
                g[j] += m * p.features().get(j);
            }
        }
        return g;
    }
}
