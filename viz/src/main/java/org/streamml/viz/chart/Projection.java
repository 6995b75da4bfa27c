package org.streamml.viz.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * A linear map from d-dimensional points to the plane, for scatter plots of clusters: either two chosen
 * coordinates, or the first two principal components of a sample. Immutable.
 */
public final class Projection {
    private static final int POWER_ITERATIONS = 200;
    private final double[] mean;
    private final double[] axisX;
    private final double[] axisY;
    private final String labelX;
    private final String labelY;

    private Projection(double[] mean, double[] axisX, double[] axisY, String labelX, String labelY) {
        this.mean = mean;
        this.axisX = axisX;
        this.axisY = axisY;
        this.labelX = labelX;
        this.labelY = labelY;
    }

    /** The projection onto coordinates {@code i} and {@code j} of d-dimensional points. */
    public static Projection coordinates(int dimension, int i, int j) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
        }
        checkIndex(i, dimension);
        checkIndex(j, dimension);
        double[] ax = new double[dimension];
        double[] ay = new double[dimension];
        ax[i] = 1;
        ay[j] = 1;
        return new Projection(new double[dimension], ax, ay, "x[" + i + "]", "x[" + j + "]");
    }

    /**
     * The projection onto the first two principal components of {@code sample} (centered on its mean),
     * found by power iteration on the covariance matrix with a fixed start, so the result is
     * deterministic. One-dimensional data gets a zero second axis.
     *
     * @param sample n points of the same dimension, n >= 1 (not modified)
     */
    public static Projection principalComponents(double[][] sample) {
        Objects.requireNonNull(sample, "sample");
        if (sample.length == 0) {
            throw new IllegalArgumentException("sample must hold at least one point: 0");
        }
        int d = sample[0].length;
        double[] mean = new double[d];
        for (double[] p : sample) {
            if (p.length != d) {
                throw new IllegalArgumentException("all points must have dimension " + d + ": " + p.length);
            }
            for (int c = 0; c < d; c++) {
                mean[c] += p[c] / sample.length;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] p : sample) {
            for (int a = 0; a < d; a++) {
                double da = p[a] - mean[a];
                for (int b = 0; b < d; b++) {
                    cov[a][b] += da * (p[b] - mean[b]);
                }
            }
        }
        double[] first = dominant(cov);
        double lambda = rayleigh(cov, first);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] -= lambda * first[a] * first[b];
            }
        }
        double[] second = d > 1 ? dominant(cov) : new double[d];
        return new Projection(mean, first, second, "PC1", "PC2");
    }

    /** Projects {@code point} into {@code out} ({@code out[0]}, {@code out[1]}). Modified: out. */
    public void project(double[] point, double[] out) {
        if (point.length != mean.length) {
            throw new IllegalArgumentException("point has dimension " + point.length + " but the projection expects "
                    + mean.length);
        }
        double x = 0;
        double y = 0;
        for (int c = 0; c < point.length; c++) {
            double v = point[c] - mean[c];
            x += v * axisX[c];
            y += v * axisY[c];
        }
        out[0] = x;
        out[1] = y;
    }

    /** The dimension of the points this projection takes. */
    public int dimension() {
        return mean.length;
    }

    /** The label of the horizontal axis, e.g. {@code PC1} or {@code x[0]}. */
    public String labelX() {
        return labelX;
    }

    /** The label of the vertical axis. */
    public String labelY() {
        return labelY;
    }

    private static double[] dominant(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = 1.0 / Math.sqrt(d) * (1 + 0.01 * i);
        }
        double[] next = new double[d];
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            Arrays.fill(next, 0);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    next[a] += m[a][b] * v[b];
                }
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-300) {
                return new double[d];
            }
            for (int a = 0; a < d; a++) {
                v[a] = next[a] / norm;
            }
        }
        return v;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                s += v[a] * m[a][b] * v[b];
            }
        }
        return s;
    }

    private static void checkIndex(int i, int dimension) {
        if (i < 0 || i >= dimension) {
            throw new IllegalArgumentException("coordinate must be in [0, " + dimension + "): " + i);
        }
    }
}
