package org.streamml.ml.evaluation;

import java.util.Arrays;

/**
 * Binary classification quality over some probability predictions.
 *
 * @param count the number of predictions
 * @param logLoss the mean negative log-likelihood, probabilities clipped to {@code [1e-15, 1 − 1e-15]}
 * @param accuracy the fraction classified right with threshold 0.5 (class 1 when {@code p > 0.5})
 * @param auc the area under the ROC curve (ties count one half; NaN with a single class)
 */
public record ClassificationMetrics(long count, double logLoss, double accuracy, double auc) {
    private static final double EPS = 1e-15;

    /** The metrics of labels {@code y} (0 or 1) and probabilities {@code p}, the first {@code n} of each. */
    public static ClassificationMetrics of(double[] y, double[] p, int n) {
        if (n == 0) {
            return new ClassificationMetrics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double loss = 0;
        long right = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
            loss -= y[i] > 0.5 ? Math.log(q) : Math.log1p(-q);
            right += ((p[i] > 0.5) == (y[i] > 0.5)) ? 1 : 0;
        }
        return new ClassificationMetrics(n, loss / n, (double) right / n, auc(y, p, n));
    }

    /**
     * The exact AUC: the probability that a random positive scores above a random negative, ties
     * counting one half. Sorts primitive copies; allocation is per call, not per record.
     */
    static double auc(double[] y, double[] p, int n) {
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] > 0.5 ? 1 : 0;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] > 0.5) {
                pos[a++] = p[i];
            } else {
                neg[b++] = p[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double wins = 0;
        int below = 0;
        int upTo = 0;
        for (double s : pos) {
            while (below < negatives && neg[below] < s) {
                below++;
            }
            upTo = Math.max(upTo, below);
            while (upTo < negatives && neg[upTo] == s) {
                upTo++;
            }
            wins += below + 0.5 * (upTo - below);
        }
        return wins / ((double) positives * negatives);
    }
}
