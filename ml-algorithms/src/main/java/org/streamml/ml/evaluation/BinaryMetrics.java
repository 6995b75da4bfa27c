package org.streamml.ml.evaluation;


/**
 * Metrics of scores against 0/1 labels: the area under the ROC curve (the probability that a random positive
 * scores above a random negative, ties counting one half, from {@link ClassificationMetrics}), and precision and
 * recall of the alerts at a score threshold.
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
        double auc = ClassificationMetrics.of(labels, scores, scores.length).auc();
        return new BinaryMetrics(auc, alerts == 0 ? Double.NaN : hits / (double) alerts,
                positives == 0 ? Double.NaN : hits / (double) positives, positives, alerts, hits);
    }
}
