package org.streamml.cli.demo;

import java.util.Arrays;

/**
 * Metrics of scores against 0/1 labels: the area under the ROC curve (the probability that a random positive
 * scores above a random negative, ties counting one half: the Mann-Whitney statistic), and precision and recall
 * of the alerts at a score threshold.
 *
 * @param auc the area under the ROC curve, NaN without both a positive and a negative
 * @param precision the fraction of alerts (score >= threshold) that are positives, NaN without alerts
 * @param recall the fraction of positives alerted, NaN without positives
 * @param positives the number of positive labels
 * @param alerts the number of scores >= threshold
 * @param truePositives the positives among the alerts
 */
public record BinaryMetrics(double auc, double precision, double recall, int positives, int alerts,
                            int truePositives) {

    /**
     * The metrics of {@code scores} against {@code labels} (0 or 1) at {@code threshold}. Not modified: both.
     *
     * @throws IllegalArgumentException if the lengths differ, a label is not 0 or 1, or a score is NaN
     */
    public static BinaryMetrics of(double[] scores, double[] labels, double threshold) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("need one label per score: " + scores.length + " scores and "
                    + labels.length + " labels");
        }
        int positives = 0;
        int alerts = 0;
        int hits = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label must be 0 or 1: " + labels[i] + " at " + i);
            }
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score must not be NaN: at " + i);
            }
            boolean positive = labels[i] == 1;
            boolean alert = scores[i] >= threshold;
            positives += positive ? 1 : 0;
            alerts += alert ? 1 : 0;
            hits += positive && alert ? 1 : 0;
        }
        return new BinaryMetrics(auc(scores, labels, positives), alerts == 0 ? Double.NaN : hits / (double) alerts,
                positives == 0 ? Double.NaN : hits / (double) positives, positives, alerts, hits);
    }

    private static double auc(double[] scores, double[] labels, int positives) {
        int n = scores.length;
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        // Sum of the positives' ranks, tied scores sharing their mean rank.
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSum += meanRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
