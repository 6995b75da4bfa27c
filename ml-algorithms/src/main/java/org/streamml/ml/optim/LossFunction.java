package org.streamml.ml.optim;

/**
 * The per-example losses of Spark's gradient descent, as the scalar {@code m(z, y)} with
 * {@code ∇ℓ = m·x} where {@code z = w·x (+ b)}.
 */
public enum LossFunction {
    /** Least squares, {@code ℓ = (z − y)²/2}, gradient {@code (z − y)·x} (Spark's LeastSquaresGradient). */
    LEAST_SQUARES {
        @Override
        public double multiplier(double z, double y) {
            return z - y;
        }

        @Override
        public double loss(double z, double y) {
            double e = z - y;
            return e * e / 2.0;
        }
    },
    /**
     * Binary logistic loss for labels 0/1, gradient {@code (σ(z) − y)·x} (Spark's LogisticGradient with
     * two classes, computed as Spark does: {@code 1/(1+exp(−1.0·z)) − y}).
     */
    LOGISTIC {
        @Override
        public double multiplier(double z, double y) {
            double margin = -1.0 * z;
            return (1.0 / (1.0 + Math.exp(margin))) - y;
        }

        @Override
        public double loss(double z, double y) {
            double margin = -1.0 * z;
            return y > 0 ? log1pExp(margin) : log1pExp(margin) - margin;
        }
    };

    /** The gradient scale {@code m} of one example with margin {@code z} and label {@code y}. */
    public abstract double multiplier(double z, double y);

    /** The loss of one example with margin {@code z} and label {@code y}. */
    public abstract double loss(double z, double y);

    /** {@code log(1 + exp(a))} without overflow (Spark's {@code MLUtils.log1pExp}). */
    public static double log1pExp(double a) {
        return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    }
}
