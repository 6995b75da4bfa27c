package org.streamml.ml.evaluation;

/**
 * The running classification summary of a prequential evaluation in bounded memory: sums for log-loss
 * and accuracy, and the scores binned into 65,536 equal bins of [0, 1] for the AUC, which is therefore
 * exact up to the ordering of scores that share a bin (they count as ties). Thread-safe.
 */
final class ClassificationSummary {
    private static final int BINS = 1 << 16;
    private static final double EPS = 1e-15;

    private final long[] positives = new long[BINS];
    private final long[] negatives = new long[BINS];
    private long count;
    private long right;
    private double lossSum;

    /** Adds the first {@code n} labels {@code y} and probabilities {@code p}. Not modified. */
    synchronized void add(double[] y, double[] p, int n) {
        for (int i = 0; i < n; i++) {
            boolean positive = y[i] > 0.5;
            double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
            lossSum -= positive ? Math.log(q) : Math.log1p(-q);
            right += ((p[i] > 0.5) == positive) ? 1 : 0;
            int bin = Math.min(BINS - 1, Math.max(0, (int) (p[i] * BINS)));
            if (positive) {
                positives[bin]++;
            } else {
                negatives[bin]++;
            }
        }
        count += n;
    }

    /** The metrics over everything added. */
    synchronized ClassificationMetrics metrics() {
        if (count == 0) {
            return new ClassificationMetrics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double wins = 0;
        long negBelow = 0;
        long pos = 0;
        for (int b = 0; b < BINS; b++) {
            wins += positives[b] * (negBelow + 0.5 * negatives[b]);
            negBelow += negatives[b];
            pos += positives[b];
        }
        double auc = pos == 0 || negBelow == 0 ? Double.NaN : wins / ((double) pos * negBelow);
        return new ClassificationMetrics(count, lossSum / count, (double) right / count, auc);
    }
}
