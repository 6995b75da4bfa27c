package org.streamml.ml.optim;

/**
 * Spark's weight updaters for one gradient descent step of size {@code η = s/√i}: how the averaged
 * gradient and the regularisation {@code λ} change the weights. The intercept, when fitted, is never
 * regularised.
 */
public enum Updater {
    /** {@code w ← w − η·g}; {@code λ} is ignored (Spark's SimpleUpdater). */
    SIMPLE {
        @Override
        void apply(double[] w, double[] gradSum, double count, double eta, double lambda) {
            for (int j = 0; j < w.length; j++) {
                w[j] += -eta * (gradSum[j] / count);
            }
        }
    },
    /** {@code w ← (1 − ηλ)·w − η·g}: L2, scale first (Spark's SquaredL2Updater). */
    SQUARED_L2 {
        @Override
        void apply(double[] w, double[] gradSum, double count, double eta, double lambda) {
            double scale = 1.0 - eta * lambda;
            for (int j = 0; j < w.length; j++) {
                w[j] *= scale;
                w[j] += -eta * (gradSum[j] / count);
            }
        }
    },
    /** {@code v = w − η·g}, then soft-thresholding by {@code ηλ}: L1 (Spark's L1Updater). */
    L1 {
        @Override
        void apply(double[] w, double[] gradSum, double count, double eta, double lambda) {
            double shrinkage = lambda * eta;
            for (int j = 0; j < w.length; j++) {
                double v = w[j] + -eta * (gradSum[j] / count);
                w[j] = Math.signum(v) * Math.max(0.0, Math.abs(v) - shrinkage);
            }
        }
    };

    /**
     * One step on {@code w} with the gradient {@code gradSum / count} (entries beyond {@code w.length}
     * are ignored). {@code w}: Modified.
     */
    abstract void apply(double[] w, double[] gradSum, double count, double eta, double lambda);
}
