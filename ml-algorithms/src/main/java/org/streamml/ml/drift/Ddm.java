package org.streamml.ml.drift;

import java.util.List;
import java.util.Objects;

/**
 * The Drift Detection Method, DDM (Gama, Medas, Castillo, Rodrigues, "Learning with Drift Detection", SBIA
 * 2004): watches a classifier's error rate and signals when it rises significantly above the best rate seen.
 *
 * <p>The rule, on a stream of errors {@code x} (1 = wrong, 0 = right), {@code i} counting values since the last
 * reset: the error rate {@code p_i} is the running mean of the first {@code i} errors and
 * {@code s_i = sqrt(p_i (1 - p_i) / i)} its binomial standard deviation. From {@code i + 1 >= minInstances}
 * on, whenever {@code p_i + s_i <= p_min + s_min} the pair {@code (p_min, s_min)} becomes {@code (p_i, s_i)};
 * then the detector signals
 * <ul>
 * <li>{@link DriftSignal#DRIFT} if {@code i + 1 > minInstances} and {@code p_i + s_i > p_min + driftLevel·s_min},
 *     and resets (the next value starts a new concept);</li>
 * <li>{@link DriftSignal#WARNING} otherwise if {@code p_i + s_i > p_min + warningLevel·s_min}.</li>
 * </ul>
 * The counts ({@code i + 1} against {@code minInstances}, strict comparisons) are those of MOA's
 * {@code moa.classifiers.core.driftdetection.DDM}, whose detections this class reproduces index by index
 * (see the test resources {@code drift/README.md}). {@link #statistic()} is {@code p_i + s_i}.
 */
public final class Ddm implements DriftDetector {
    /**
     * DDM's settings.
     *
     * @param minInstances the values before any detection, &gt;= 1
     * @param warningLevel the standard deviations above the minimum that warn, &gt; 0
     * @param driftLevel the standard deviations above the minimum that signal drift, &gt;= warningLevel
     */
    public record Options(int minInstances, double warningLevel, double driftLevel) {
        /** Validates every setting. */
        public Options {
            SavedState.check(minInstances >= 1, "minInstances must be >= 1: " + minInstances);
            SavedState.check(warningLevel > 0 && Double.isFinite(warningLevel),
                    "warningLevel must be > 0 and finite: " + warningLevel);
            SavedState.check(driftLevel >= warningLevel && Double.isFinite(driftLevel),
                    "driftLevel must be >= warningLevel (" + warningLevel + ") and finite: " + driftLevel);
        }

        /** The paper's and MOA's defaults: 30 instances, warning at 2, drift at 3 standard deviations. */
        public static Options defaults() {
            return new Options(30, 2.0, 3.0);
        }

        /** A copy with {@code minInstances} changed. */
        public Options withMinInstances(int minInstances) {
            return new Options(minInstances, warningLevel, driftLevel);
        }

        /** A copy with {@code warningLevel} changed. */
        public Options withWarningLevel(double warningLevel) {
            return new Options(minInstances, warningLevel, driftLevel);
        }

        /** A copy with {@code driftLevel} changed. */
        public Options withDriftLevel(double driftLevel) {
            return new Options(minInstances, warningLevel, driftLevel);
        }
    }

    private static final String NAME = "DDM";

    private final Options options;
    private long count;
    private double errorRate;
    private double deviation;
    private double minRate;
    private double minDeviation;
    private double minSum;

    /** A fresh detector with {@code options}. */
    public Ddm(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        reset();
    }

    /** A fresh detector with the default options. */
    public Ddm() {
        this(Options.defaults());
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public DriftSignal add(double x) {
        ErrorChecks.checkError(x);
        count++;
        errorRate += (x - errorRate) / count;
        deviation = Math.sqrt(errorRate * (1 - errorRate) / count);
        long seen = count + 1;
        if (seen < options.minInstances()) {
            return DriftSignal.NONE;
        }
        double sum = errorRate + deviation;
        if (sum <= minSum) {
            minRate = errorRate;
            minDeviation = deviation;
            minSum = sum;
        }
        if (seen > options.minInstances() && sum > minRate + options.driftLevel() * minDeviation) {
            reset();
            return DriftSignal.DRIFT;
        }
        return sum > minRate + options.warningLevel() * minDeviation ? DriftSignal.WARNING : DriftSignal.NONE;
    }

    @Override
    public double statistic() {
        return count == 0 ? Double.NaN : errorRate + deviation;
    }

    @Override
    public void reset() {
        count = 0;
        errorRate = 0;
        deviation = 0;
        minRate = Double.MAX_VALUE;
        minDeviation = Double.MAX_VALUE;
        minSum = Double.MAX_VALUE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object saveState() {
        return SavedState.of(NAME, new long[] {count},
                new double[] {errorRate, deviation, minRate, minDeviation, minSum});
    }

    @Override
    public void restoreState(Object state) {
        List<?> parts = SavedState.parts(state, NAME, 3);
        long[] counters = SavedState.longs(parts, 1, 1);
        double[] numbers = SavedState.doubles(parts, 2, 5);
        SavedState.check(counters[0] >= 0, "saved DDM count must be >= 0: " + counters[0]);
        count = counters[0];
        errorRate = numbers[0];
        deviation = numbers[1];
        minRate = numbers[2];
        minDeviation = numbers[3];
        minSum = numbers[4];
    }
}
