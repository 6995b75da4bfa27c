package org.streamml.ml.online;

import org.streamml.ml.optim.LossFunction;

/**
 * One optimizer step on one record, on flat {@code double[]} state, allocation-free. {@code d} is the number
 * of features; coordinate {@code d} is the intercept, whose feature is always 1 and which no penalty touches.
 * Dense kernels take the record's {@code d} values, sparse ones its active indices and values. The state
 * layouts are those of {@link OnlineOptimizer}.
 */
final class OnlineKernels {
    private OnlineKernels() {
    }

    /**
     * SGD: {@code w ← w − η_t·m(w·x + b, y)·x}.
     *
     * @param w weights {@code 0..d-1} and intercept {@code d}. Modified.
     */
    static void sgdDense(double[] x, double y, LossFunction loss, double rate, double[] w, int d, boolean fit) {
        double z = 0.0;
        for (int j = 0; j < d; j++) {
            z += w[j] * x[j];
        }
        if (fit) {
            z += w[d];
        }
        double step = -rate * loss.multiplier(z, y);
        for (int j = 0; j < d; j++) {
            w[j] += step * x[j];
        }
        if (fit) {
            w[d] += step;
        }
    }

    /** {@link #sgdDense} for the {@code nnz} active entries {@code idx}, {@code val}. {@code w}: Modified. */
    static void sgdSparse(int[] idx, double[] val, int nnz, double y, LossFunction loss, double rate, double[] w,
                          int d, boolean fit) {
        double z = 0.0;
        for (int k = 0; k < nnz; k++) {
            z += w[idx[k]] * val[k];
        }
        if (fit) {
            z += w[d];
        }
        double step = -rate * loss.multiplier(z, y);
        for (int k = 0; k < nnz; k++) {
            w[idx[k]] += step * val[k];
        }
        if (fit) {
            w[d] += step;
        }
    }

    /**
     * AdaGrad (Duchi, Hazan and Singer 2011, diagonal form): {@code G_j ← G_j + g_j²},
     * {@code w_j ← w_j − η·g_j/√G_j}; a coordinate whose gradient is 0 is left alone (its {@code G_j} may
     * still be 0).
     *
     * @param s weights and intercept at {@code 0..d}, their {@code G} at {@code d+1..2d+1}. Modified.
     */
    static void adagradDense(double[] x, double y, LossFunction loss, double eta, double[] s, int d, boolean fit) {
        int p = d + 1;
        double z = 0.0;
        for (int j = 0; j < d; j++) {
            z += s[j] * x[j];
        }
        if (fit) {
            z += s[d];
        }
        double m = loss.multiplier(z, y);
        for (int j = 0; j < d; j++) {
            adagradCoordinate(s, j, p, m * x[j], eta);
        }
        if (fit) {
            adagradCoordinate(s, d, p, m, eta);
        }
    }

    /** {@link #adagradDense} for the {@code nnz} active entries {@code idx}, {@code val}. {@code s}: Modified. */
    static void adagradSparse(int[] idx, double[] val, int nnz, double y, LossFunction loss, double eta, double[] s,
                              int d, boolean fit) {
        int p = d + 1;
        double z = 0.0;
        for (int k = 0; k < nnz; k++) {
            z += s[idx[k]] * val[k];
        }
        if (fit) {
            z += s[d];
        }
        double m = loss.multiplier(z, y);
        for (int k = 0; k < nnz; k++) {
            adagradCoordinate(s, idx[k], p, m * val[k], eta);
        }
        if (fit) {
            adagradCoordinate(s, d, p, m, eta);
        }
    }

    private static void adagradCoordinate(double[] s, int j, int p, double g, double eta) {
        if (g != 0.0) {
            double acc = s[p + j] + g * g;
            s[p + j] = acc;
            s[j] -= eta * g / Math.sqrt(acc);
        }
    }

    /**
     * FTRL-Proximal's closed-form weight (McMahan et al. 2013, Algorithm 1): 0 if {@code |z| <= λ1}, else
     * {@code −(z − sgn(z)·λ1)·r} with {@code r} the {@link #ftrlInverseRate}.
     */
    static double ftrlWeight(double z, double inverseRate, double l1) {
        if (Math.abs(z) <= l1) {
            return 0.0;
        }
        double shrunk = z > 0 ? z - l1 : z + l1;
        return -shrunk * inverseRate;
    }

    /** {@code 1/((β + √n)/α + λ2)}, the factor of {@link #ftrlWeight}; {@code invAlpha = 1/α}. */
    static double ftrlInverseRate(double sqrtN, double invAlpha, double beta, double l2) {
        return 1.0 / ((beta + sqrtN) * invAlpha + l2);
    }

    /**
     * FTRL-Proximal on one record: the margin from the current closed-form weights, then per coordinate
     * {@code σ = (√(n + g²) − √n)/α}, {@code z ← z + g − σ·w}, {@code n ← n + g²} and the coordinate's new
     * weight. The intercept has no L1 or L2.
     *
     * @param s {@code z} at {@code 0..d}, {@code n} at {@code d+1..2d+1}. Modified.
     * @param sc scratch: the record's weights at {@code 0..d}, then {@code √n}, then the {@link
     *        #ftrlInverseRate} per coordinate, kept in step with {@code s} (see {@link #ftrlScratch}). Modified.
     */
    static void ftrlDense(double[] x, double y, LossFunction loss, OnlineOptions o, double invAlpha, double[] s,
                          double[] sc, int d, boolean fit) {
        int p = d + 1;
        double z = 0.0;
        for (int j = 0; j < d; j++) {
            z += sc[j] * x[j];
        }
        if (fit) {
            z += sc[d];
        }
        double m = loss.multiplier(z, y);
        double beta = o.beta();
        double l1 = o.l1();
        double l2 = o.l2();
        for (int j = 0; j < d; j++) {
            ftrlCoordinate(s, sc, j, p, m * x[j], invAlpha, beta, l1, l2);
        }
        if (fit) {
            ftrlCoordinate(s, sc, d, p, m, invAlpha, beta, 0.0, 0.0);
        }
    }

    /** {@link #ftrlDense} for the {@code nnz} active entries {@code idx}, {@code val}; the others stay lazy. */
    static void ftrlSparse(int[] idx, double[] val, int nnz, double y, LossFunction loss, OnlineOptions o,
                           double invAlpha, double[] s, double[] sc, int d, boolean fit) {
        int p = d + 1;
        double z = 0.0;
        for (int k = 0; k < nnz; k++) {
            z += sc[idx[k]] * val[k];
        }
        if (fit) {
            z += sc[d];
        }
        double m = loss.multiplier(z, y);
        double beta = o.beta();
        double l1 = o.l1();
        double l2 = o.l2();
        for (int k = 0; k < nnz; k++) {
            ftrlCoordinate(s, sc, idx[k], p, m * val[k], invAlpha, beta, l1, l2);
        }
        if (fit) {
            ftrlCoordinate(s, sc, d, p, m, invAlpha, beta, 0.0, 0.0);
        }
    }

    /**
     * A task's FTRL scratch for state {@code s}: the closed-form weights, {@code √n} and the inverse rates per
     * coordinate. A coordinate's entries change only when its {@code z} and {@code n} do, so the kernels keep
     * them current by recomputing them after each coordinate's update, never for the whole vector.
     */
    static double[] ftrlScratch(double[] s, int d, OnlineOptions o) {
        int p = d + 1;
        double invAlpha = 1.0 / o.learningRate();
        double[] sc = new double[3 * p];
        for (int j = 0; j < p; j++) {
            double root = Math.sqrt(s[p + j]);
            sc[p + j] = root;
            double rate = ftrlInverseRate(root, invAlpha, o.beta(), j == d ? 0.0 : o.l2());
            sc[2 * p + j] = rate;
            sc[j] = ftrlWeight(s[j], rate, j == d ? 0.0 : o.l1());
        }
        return sc;
    }

    private static void ftrlCoordinate(double[] s, double[] sc, int j, int p, double g, double invAlpha,
                                       double beta, double l1, double l2) {
        if (g == 0.0) {
            // n, σ and so z and w stay as they are
            return;
        }
        double n = s[p + j] + g * g;
        double root = Math.sqrt(n);
        double sigma = (root - sc[p + j]) * invAlpha;
        s[j] += g - sigma * sc[j];
        s[p + j] = n;
        sc[p + j] = root;
        double rate = ftrlInverseRate(root, invAlpha, beta, l2);
        sc[2 * p + j] = rate;
        sc[j] = ftrlWeight(s[j], rate, l1);
    }
}
