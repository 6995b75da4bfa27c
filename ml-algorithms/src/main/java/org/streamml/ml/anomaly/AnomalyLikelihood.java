package org.streamml.ml.anomaly;

/**
 * Numenta's anomaly likelihood (Ahmad, Lavin, Purdy and Agha, "Unsupervised real-time anomaly detection for
 * streaming data", Neurocomputing 2017), over any raw anomaly score: the mean of the last {@code shortWindow}
 * raw scores is compared with a normal distribution fitted to the last {@code history} raw scores, and the
 * upper tail probability of that mean is returned. A raw score that is high for this series, and stays high
 * for a few steps, gets a tiny tail probability; the same raw level on a noisy series does not. Running sums
 * make each step O(1); allocation-free. Not thread-safe.
 */
final class AnomalyLikelihood {
    private final RollingQuantiles history;
    private final double[] recent;
    private final double minSigma;
    private final double tailQuantile;
    private final double tailZ;
    private int recentSize;
    private int recentNext;
    private double recentSum;

    AnomalyLikelihood(int history, int shortWindow, double minSigma, double tailQuantile) {
        this.history = new RollingQuantiles(history);
        this.recent = new double[shortWindow];
        this.minSigma = minSigma;
        this.tailQuantile = tailQuantile;
        this.tailZ = -inverseUpperTail(1 - tailQuantile);
    }

    int historySize() {
        return history.size();
    }

    double logTail(double raw) {
        if (recentSize == recent.length) {
            recentSum -= recent[recentNext];
        } else {
            recentSize++;
        }
        recent[recentNext] = raw;
        recentSum += raw;
        recentNext = recentNext + 1 == recent.length ? 0 : recentNext + 1;
        double mean = recentSum / recentSize;
        double logTail = 0;
        if (history.size() > 1) {
            double centre = history.quantile(0.5);
            double sigma = Math.max((history.quantile(tailQuantile) - centre) / tailZ, minSigma);
            logTail = NormalTail.logUpperTail((mean - centre) / sigma);
        }
        history.add(mean);
        return logTail;
    }

    private static double inverseUpperTail(double p) {
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (Math.exp(NormalTail.logUpperTail(mid)) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return -0.5 * (lo + hi);
    }
}
