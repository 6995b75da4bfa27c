package org.streamml.ml.anomaly;

/**
 * An online linear regression by recursive least squares with exponential forgetting: after each example the
 * weights minimise {@code sum_k lambda^(t-k) (y_k - w.x_k)^2 + delta lambda^t |w|^2}. Each update costs
 * O(d^2) on flat arrays and allocates nothing. The inverse-covariance matrix is re-symmetrised and, if it
 * grows without bound (a feature stuck at a constant under forgetting), reset, which keeps it stable on
 * degenerate inputs. Not thread-safe.
 */
final class RecursiveLeastSquares {
    private static final double RESET_TRACE = 1e8;

    private final int d;
    private final double lambda;
    private final double delta;
    private final double[] w;
    private final double[] p;
    private final double[] px;

    /**
     * A regression over {@code dimension} features, forgetting factor {@code lambda} in (0, 1] and prior
     * precision {@code delta} &gt; 0 (P starts at I / delta).
     */
    RecursiveLeastSquares(int dimension, double lambda, double delta) {
        this.d = dimension;
        this.lambda = lambda;
        this.delta = delta;
        this.w = new double[dimension];
        this.p = new double[dimension * dimension];
        this.px = new double[dimension];
        resetCovariance();
    }

    /** The prediction {@code w.x} for features {@code x} (not modified). */
    double predict(double[] x) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** Learns from one example: features {@code x} (not modified) and target {@code y}. */
    void update(double[] x, double y) {
        double denom = lambda;
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += p[row + j] * x[j];
            }
            px[i] = s;
            denom += x[i] * s;
        }
        double err = y - predict(x);
        double trace = 0;
        for (int i = 0; i < d; i++) {
            double gain = px[i] / denom;
            w[i] += gain * err;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                p[row + j] = (p[row + j] - gain * px[j]) / lambda;
            }
            trace += p[row + i];
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double m = 0.5 * (p[i * d + j] + p[j * d + i]);
                p[i * d + j] = m;
                p[j * d + i] = m;
            }
        }
        if (!(trace < RESET_TRACE)) {
            resetCovariance();
        }
    }

    private void resetCovariance() {
        java.util.Arrays.fill(p, 0);
        for (int i = 0; i < d; i++) {
            p[i * d + i] = 1.0 / delta;
        }
    }
}
