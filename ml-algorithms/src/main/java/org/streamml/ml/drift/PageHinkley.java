package org.streamml.ml.drift;

import java.util.List;
import java.util.Objects;

/**
 * The Page-Hinkley test (E. S. Page, "Continuous Inspection Schemes", Biometrika 41, 1954; in the fading form of
 * Gama, Sebastião, Rodrigues, "On evaluating stream learning algorithms", Machine Learning 90, 2013): detects an
 * increase of the stream's mean.
 *
 * <p>The rule, counting values since the last reset: {@code mean_t} is the running mean of the values so far
 * (including {@code x_t}), and the faded cumulative deviation is
 * {@code m_t = alpha · m_(t-1) + (x_t - mean_t - delta)}, {@code m_0 = 0}. From the {@code (minInstances - 1)}-th
 * value on, {@link DriftSignal#DRIFT} when {@code m_t > lambda}, and the detector resets. No warning zone.
 * {@code delta} is the magnitude of change tolerated, {@code lambda} the alarm threshold, {@code alpha} the
 * fading factor (1 for Page's original sum). This is the form of MOA's
 * {@code moa.classifiers.core.driftdetection.PageHinkleyDM} (the sum itself is tested, not its excess over its
 * running minimum as in River's {@code PageHinkley}): its detections are reproduced index by index (test
 * resources {@code drift/README.md}). {@link #statistic()} is {@code m_t}.
 */
public final class PageHinkley implements DriftDetector {
    /**
     * Page-Hinkley's settings.
     *
     * @param minInstances the values before any detection, &gt;= 1
     * @param delta the change in the mean tolerated, &gt;= 0
     * @param lambda the threshold on the cumulative deviation, &gt; 0
     * @param alpha the fading factor of the cumulative deviation, in (0, 1]
     */
    public record Options(int minInstances, double delta, double lambda, double alpha) {
        /** Validates every setting. */
        public Options {
            SavedState.check(minInstances >= 1, "minInstances must be >= 1: " + minInstances);
            SavedState.check(delta >= 0 && Double.isFinite(delta), "delta must be >= 0 and finite: " + delta);
            SavedState.check(lambda > 0 && Double.isFinite(lambda), "lambda must be > 0 and finite: " + lambda);
            SavedState.check(alpha > 0 && alpha <= 1, "alpha must be in (0, 1]: " + alpha);
        }

        /** MOA's and River's defaults: 30 instances, delta 0.005, lambda 50, alpha 1 - 0.0001. */
        public static Options defaults() {
            return new Options(30, 0.005, 50.0, 1 - 0.0001);
        }

        /** A copy with {@code minInstances} changed. */
        public Options withMinInstances(int minInstances) {
            return new Options(minInstances, delta, lambda, alpha);
        }

        /** A copy with {@code delta} changed. */
        public Options withDelta(double delta) {
            return new Options(minInstances, delta, lambda, alpha);
        }

        /** A copy with {@code lambda} changed. */
        public Options withLambda(double lambda) {
            return new Options(minInstances, delta, lambda, alpha);
        }

        /** A copy with {@code alpha} changed. */
        public Options withAlpha(double alpha) {
            return new Options(minInstances, delta, lambda, alpha);
        }
    }

    private static final String NAME = "PageHinkley";

    private final Options options;
    private long count;
    private double mean;
    private double sum;

    /** A fresh detector with {@code options}. */
    public PageHinkley(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        reset();
    }

    /** A fresh detector with the default options. */
    public PageHinkley() {
        this(Options.defaults());
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public DriftSignal add(double x) {
        ErrorChecks.checkFinite(x);
        count++;
        mean += (x - mean) / count;
        sum = options.alpha() * sum + (x - mean - options.delta());
        if (count + 1 >= options.minInstances() && sum > options.lambda()) {
            reset();
            return DriftSignal.DRIFT;
        }
        return DriftSignal.NONE;
    }

    @Override
    public double statistic() {
        return sum;
    }

    @Override
    public void reset() {
        count = 0;
        mean = 0;
        sum = 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object saveState() {
        return SavedState.of(NAME, new long[] {count}, new double[] {mean, sum});
    }

    @Override
    public void restoreState(Object state) {
        List<?> parts = SavedState.parts(state, NAME, 3);
        long[] counters = SavedState.longs(parts, 1, 1);
        double[] numbers = SavedState.doubles(parts, 2, 2);
        SavedState.check(counters[0] >= 0, "saved PageHinkley count must be >= 0: " + counters[0]);
        count = counters[0];
        mean = numbers[0];
        sum = numbers[1];
    }
}
