package org.streamml.ml.anomaly;

/**
 * Turns a nonconformity measure into a tail probability relative to its own recent history: the empirical
 * fraction of the last {@code history} values at least as large, and beyond the top {@code tailFraction} of
 * them an exponential tail fitted to the excesses over that quantile (peaks over threshold, the exponential
 * case of the generalised Pareto law; Siffer et al., "Anomaly Detection in Streams with Extreme Value Theory",
 * KDD 2017). The same calibrated tail probability means the same rarity on any series, whatever the scale or
 * the distribution of the measure. The exponential tail's scale is kept at least 0.05 (the measures are
 * {@code log1p} of ratios), so that a history of identical values still ranks a larger one as rare but finite.
 * Allocation-free; not thread-safe.
 */
final class TailCalibrator {
    private static final double MIN_EXCESS = 0.05;
    private final RollingQuantiles history;
    private final double tailFraction;
    private final int minHistory;

    /** A calibrator over the last {@code history} values, fitting the tail to the top {@code tailFraction}. */
    TailCalibrator(int history, double tailFraction, int minHistory) {
        this.history = new RollingQuantiles(history);
        this.tailFraction = tailFraction;
        this.minHistory = minHistory;
    }

    /**
     * The natural logarithm of the tail probability of {@code a} under the history so far (0 while the
     * history holds fewer than the minimum), then adds {@code a} to the history.
     */
    double logTail(double a) {
        double logTail = 0;
        int n = history.size();
        if (n >= minHistory) {
            int k = Math.max(2, (int) Math.ceil(tailFraction * n));
            double u = history.quantile(1.0 - (double) k / n);
            if (a > u) {
                double excess = Math.max(history.meanOfLargest(k) - u, MIN_EXCESS);
                logTail = Math.log((double) k / (n + 1)) - (a - u) / excess;
            } else {
                logTail = Math.log((history.countAtLeast(a) + 1.0) / (n + 1));
            }
        }
        history.add(a);
        return logTail;
    }

    /** How many values {@link #save} appends. */
    int savedSize() {
        return history.savedSize();
    }

    /** Appends the history to {@code out}. */
    void save(DetectorState.Writer out) {
        history.save(out);
    }

    /** Puts back what {@link #save} wrote. */
    void restore(DetectorState.Reader in) {
        history.restore(in);
    }
}
