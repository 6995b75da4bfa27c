package org.streamml.ml.linalg;

/**
 * Allocation-free numeric kernels on {@code double[]}, written as plain sequential loops so that results
 * are the same on every machine (the summation order Spark's BLAS uses). Shapes are checked by callers
 * once, before their loops. Array parameters are "Not modified." unless marked "Modified.".
 */
public final class Kernels {
    private Kernels() {
    }

    /** The dot product {@code x·y} over the first {@code x.length} entries. Not modified. */
    public static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** The sparse dot product {@code Σ values[k]·y[indices[k]]}. Not modified. */
    public static double dot(int[] indices, double[] values, double[] y) {
        double s = 0.0;
        for (int k = 0; k < indices.length; k++) {
            s += values[k] * y[indices[k]];
        }
        return s;
    }

    /** {@code y += a·x}. {@code y}: Modified. */
    public static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** Sparse {@code y += a·x}. {@code y}: Modified. */
    public static void axpy(double a, int[] indices, double[] values, double[] y) {
        for (int k = 0; k < indices.length; k++) {
            y[indices[k]] += a * values[k];
        }
    }

    /** {@code x *= a}. {@code x}: Modified. */
    public static void scal(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    /** The squared Euclidean distance {@code Σ (x_i - y_i)²}, the direct sum. Not modified. */
    public static double squaredDistance(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s;
    }

    /** The squared distance between a sparse {@code x} and a dense {@code y} of size {@code y.length}. */
    public static double squaredDistance(int[] indices, double[] values, double[] y) {
        double s = 0.0;
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            double xi = 0.0;
            if (k < indices.length && indices[k] == i) {
                xi = values[k++];
            }
            double d = xi - y[i];
            s += d * d;
        }
        return s;
    }

    /** The Euclidean norm {@code ||x||₂}. Not modified. */
    public static double norm2(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
