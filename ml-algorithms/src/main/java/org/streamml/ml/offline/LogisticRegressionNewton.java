package org.streamml.ml.offline;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Kernels;
import org.streamml.ml.model.LogisticRegressionModel;

/**
 * Binary logistic regression by Newton's method (iteratively reweighted least squares): minimises
 * {@code Σ logloss(σ(w·x + b), y) + (λ/2)||w||²} (intercept not penalised), each step solving
 * {@code (XᵀWX + λI) Δ = Xᵀ(p − y) + λw} with EJML, until the step is below the tolerance.
 * Labels must be 0 or 1. On separable data without a penalty the weights grow until the iteration cap.
 */
public final class LogisticRegressionNewton {

    /**
     * The trainer's settings.
     *
     * @param l2 the L2 penalty {@code λ} >= 0 (default 0)
     * @param fitIntercept whether to fit an intercept (default true)
     * @param maxIterations the most Newton steps, >= 1 (default 50)
     * @param tolerance stop when the step's max-norm is below this, >= 0 (default 1e-10)
     */
    public record Options(double l2, boolean fitIntercept, int maxIterations, double tolerance) {
        /** Validates the settings. */
        public Options {
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("l2 must be finite and >= 0: " + l2);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be >= 0: " + tolerance);
            }
        }

        /** No penalty, an intercept, at most 50 steps, tolerance 1e-10. */
        public static Options defaults() {
            return new Options(0.0, true, 50, 1e-10);
        }

        /** A copy with another penalty. */
        public Options withL2(double lambda) {
            return new Options(lambda, fitIntercept, maxIterations, tolerance);
        }

        /** A copy that does or does not fit an intercept. */
        public Options withFitIntercept(boolean fit) {
            return new Options(l2, fit, maxIterations, tolerance);
        }

        /** A copy with another iteration cap. */
        public Options withMaxIterations(int n) {
            return new Options(l2, fitIntercept, n, tolerance);
        }
    }

    private final Options options;

    /** A trainer with {@code options}. */
    public LogisticRegressionNewton(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /**
     * Fits the model to {@code data}.
     *
     * @throws IllegalArgumentException if a label is not 0 or 1
     */
    public LogisticRegressionModel fit(List<LabeledPoint> data) {
        int d = DesignMatrix.dimension(data);
        for (int i = 0; i < data.size(); i++) {
            double y = data.get(i).label();
            if (y != 0.0 && y != 1.0) {
                throw new IllegalArgumentException("point " + i + " has label " + y + "; labels must be 0 or 1");
            }
        }
        boolean icpt = options.fitIntercept();
        DMatrixRMaj x = DesignMatrix.of(data, d, icpt);
        int n = x.numRows;
        int cols = x.numCols;
        double[] w = new double[cols];
        double[] row = new double[cols];
        DMatrixRMaj hessian = new DMatrixRMaj(cols, cols);
        DMatrixRMaj gradient = new DMatrixRMaj(cols, 1);
        DMatrixRMaj step = new DMatrixRMaj(cols, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        for (int iter = 0; iter < options.maxIterations(); iter++) {
            hessian.zero();
            gradient.zero();
            for (int i = 0; i < n; i++) {
                System.arraycopy(x.data, i * cols, row, 0, cols);
                double p = LogisticRegressionModel.sigmoid(Kernels.dot(row, w));
                double r = p - data.get(i).label();
                double s = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < cols; a++) {
                    gradient.data[a] += r * row[a];
                    for (int b = a; b < cols; b++) {
                        hessian.data[a * cols + b] += s * row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < a; b++) {
                    hessian.data[a * cols + b] = hessian.data[b * cols + a];
                }
            }
            for (int j = 0; j < d; j++) {
                hessian.add(j, j, options.l2());
                gradient.data[j] += options.l2() * w[j];
            }
            solver.setA(hessian);
            solver.solve(gradient, step);
            double maxStep = 0;
            for (int a = 0; a < cols; a++) {
                w[a] -= step.data[a];
                maxStep = Math.max(maxStep, Math.abs(step.data[a]));
            }
            if (maxStep < options.tolerance()) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(w, 0, weights, 0, d);
        return new LogisticRegressionModel(weights, icpt ? w[d] : 0.0);
    }
}
