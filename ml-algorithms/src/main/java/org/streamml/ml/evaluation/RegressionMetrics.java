package org.streamml.ml.evaluation;

/**
 * Regression quality over some predictions.
 *
 * @param count the number of predictions
 * @param rmse the root mean squared error
 * @param mae the mean absolute error
 * @param r2 the coefficient of determination {@code 1 − SS_res/SS_tot} (NaN when the labels are constant)
 */
public record RegressionMetrics(long count, double rmse, double mae, double r2) {

    /** A mergeable running sum of the statistics behind {@link RegressionMetrics}; allocation-free per add. */
    public static final class Accumulator {
        private long n;
        private double sumSq;
        private double sumAbs;
        private double sumY;
        private double sumY2;

        /** Adds one prediction {@code yHat} of label {@code y}. */
        public void add(double y, double yHat) {
            double e = yHat - y;
            n++;
            sumSq += e * e;
            sumAbs += Math.abs(e);
            sumY += y;
            sumY2 += y * y;
        }

        /** Adds everything {@code other} holds; returns this. */
        public Accumulator merge(Accumulator other) {
            n += other.n;
            sumSq += other.sumSq;
            sumAbs += other.sumAbs;
            sumY += other.sumY;
            sumY2 += other.sumY2;
            return this;
        }

        /** The number of predictions added. */
        public long count() {
            return n;
        }

        /** The metrics of what was added (NaN when nothing was). */
        public RegressionMetrics metrics() {
            if (n == 0) {
                return new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double ssTot = sumY2 - sumY * sumY / n;
            double r2 = ssTot > 0 ? 1.0 - sumSq / ssTot : Double.NaN;
            return new RegressionMetrics(n, Math.sqrt(sumSq / n), sumAbs / n, r2);
        }
    }
}
