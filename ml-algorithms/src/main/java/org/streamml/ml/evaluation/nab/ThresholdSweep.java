package org.streamml.ml.evaluation.nab;

import java.util.Arrays;
import java.util.List;

/**
 * NAB's threshold optimisation ({@code Sweeper.calcScoreByThreshold} over the whole corpus): every scored row
 * of every file sorted by anomaly score, highest first; lowering the threshold past each distinct score adds
 * those rows as detections, and the corpus score is kept up to date incrementally.
 */
final class ThresholdSweep {
    private ThresholdSweep() {
    }

    /** The threshold with the best corpus score; {@code +Infinity} if no threshold beats detecting nothing. */
    static double bestThreshold(List<NabSeries> corpus, List<WindowLayout> layouts, int windowCount,
            NabProfile profile) {
        int total = 0;
        for (WindowLayout l : layouts) {
            total += l.rows - l.probationaryRows;
        }
        double[] score = new double[total];
        double[] gain = new double[total];
        int[] window = new int[total];
        int at = 0;
        int windowBase = 0;
        for (int f = 0; f < corpus.size(); f++) {
            WindowLayout l = layouts.get(f);
            double[] s = corpus.get(f).scores();
            for (int i = 0; i < l.rows; i++) {
                int w = l.windowOf[i];
                if (w == WindowLayout.PROBATION) {
                    continue;
                }
                score[at] = s[i];
                if (w == WindowLayout.OUTSIDE) {
                    window[at] = -1;
                    gain[at] = l.factor[i] * profile.fpWeight();
                } else {
                    window[at] = windowBase + w;
                    gain[at] = l.factor[i] * profile.tpWeight();
                }
                at++;
            }
            windowBase += l.scoredWindows;
        }
        int[] order = IndexSort.descending(score, at);
        double[] best = new double[windowCount];
        Arrays.fill(best, Double.NaN);
        double current = -profile.fnWeight() * windowCount;
        double bestScore = current;
        double bestThreshold = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < at) {
            double threshold = score[order[i]];
            while (i < at && score[order[i]] == threshold) {
                int r = order[i++];
                int w = window[r];
                if (w < 0) {
                    current += gain[r];
                } else if (Double.isNaN(best[w])) {
                    current += profile.fnWeight() + gain[r];
                    best[w] = gain[r];
                } else if (gain[r] > best[w]) {
                    current += gain[r] - best[w];
                    best[w] = gain[r];
                }
            }
            if (current > bestScore) {
                bestScore = current;
                bestThreshold = threshold;
            }
        }
        return bestThreshold;
    }
}
