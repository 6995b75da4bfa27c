package org.streamml.ml.offline;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.model.LinearRegressionModel;

/**
 * Ordinary or ridge least squares: minimises {@code Σ (w·x + b − y)² + λ||w||²} (the intercept is not
 * penalised) by solving the normal equations with a Cholesky factorisation (EJML), falling back to a
 * pseudo-inverse when they are singular.
 *
 * <pre>{@code
 * LinearRegressionModel m = new LeastSquares(LeastSquares.Options.defaults().withL2(0.1)).fit(points);
 * streaming.setInitialModel(m);
 * }</pre>
 */
public final class LeastSquares {

    /**
     * The trainer's settings.
     *
     * @param l2 the ridge penalty {@code λ} >= 0 (default 0)
     * @param fitIntercept whether to fit an intercept (default true)
     */
    public record Options(double l2, boolean fitIntercept) {
        /** Validates the settings. */
        public Options {
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("l2 must be finite and >= 0: " + l2);
            }
        }

        /** No penalty, with an intercept. */
        public static Options defaults() {
            return new Options(0.0, true);
        }

        /** A copy with another penalty. */
        public Options withL2(double lambda) {
            return new Options(lambda, fitIntercept);
        }

        /** A copy that does or does not fit an intercept. */
        public Options withFitIntercept(boolean fit) {
            return new Options(l2, fit);
        }
    }

    private final Options options;

    /** A trainer with {@code options}. */
    public LeastSquares(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** Fits the model to {@code data}. */
    public LinearRegressionModel fit(List<LabeledPoint> data) {
        int d = DesignMatrix.dimension(data);
        boolean icpt = options.fitIntercept();
        DMatrixRMaj x = DesignMatrix.of(data, d, icpt);
        DMatrixRMaj y = DesignMatrix.labels(data);
        int cols = x.numCols;
        DMatrixRMaj xtx = new DMatrixRMaj(cols, cols);
        CommonOps_DDRM.multTransA(x, x, xtx);
        for (int j = 0; j < d; j++) {
            xtx.add(j, j, options.l2());
        }
        DMatrixRMaj xty = new DMatrixRMaj(cols, 1);
        CommonOps_DDRM.multTransA(x, y, xty);
        DMatrixRMaj w = new DMatrixRMaj(cols, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(cols);
        if (!solver.setA(xtx.copy())) {
            solver = LinearSolverFactory_DDRM.pseudoInverse(true);
            solver.setA(xtx.copy());
        }
        solver.solve(xty, w);
        double[] weights = new double[d];
        System.arraycopy(w.data, 0, weights, 0, d);
        return new LinearRegressionModel(weights, icpt ? w.data[d] : 0.0);
    }
}
