package org.streamml.ml.anomaly;

/**
 * One-step-ahead forecaster of a series in robust standard units: a recursive-least-squares regression of
 * the next value on the last {@code lags} values and two harmonics of the time of day, all centred by the
 * rolling median and divided by the rolling robust scale of the values. Allocation-free; not thread-safe.
 */
final class Forecaster {
    private static final double DAY_MILLIS = 86_400_000.0;

    private final int lags;
    private final double[] past;
    private final double[] features;
    private final RecursiveLeastSquares rls;
    private int pastSize;
    private int pastNext;

    /** A forecaster on {@code lags} past values with forgetting factor {@code lambda}. */
    Forecaster(int lags, double lambda) {
        this.lags = lags;
        this.past = new double[lags];
        this.features = new double[1 + lags + 4];
        this.rls = new RecursiveLeastSquares(features.length, lambda, 1.0);
    }

    /**
     * Forecasts the value at {@code timestampMillis}, learns the actual {@code value} and returns the
     * standardised residual {@code (value - centre) / scale - forecast}.
     */
    double residual(long timestampMillis, double value, double centre, double scale) {
        double residual = 0;
        if (pastSize == lags) {
            fillFeatures(timestampMillis, centre, scale);
            double target = (value - centre) / scale;
            residual = target - rls.predict(features);
            rls.update(features, target);
        } else {
            pastSize++;
        }
        past[pastNext] = value;
        pastNext = pastNext + 1 == lags ? 0 : pastNext + 1;
        return residual;
    }

    private void fillFeatures(long timestampMillis, double centre, double scale) {
        features[0] = 1.0;
        int at = pastNext;
        for (int k = 1; k <= lags; k++) {
            at = at == 0 ? lags - 1 : at - 1;
            features[k] = (past[at] - centre) / scale;
        }
        double phase = 2 * Math.PI * (Math.floorMod(timestampMillis, (long) DAY_MILLIS) / DAY_MILLIS);
        features[lags + 1] = Math.sin(phase);
        features[lags + 2] = Math.cos(phase);
        features[lags + 3] = Math.sin(2 * phase);
        features[lags + 4] = Math.cos(2 * phase);
    }
}
