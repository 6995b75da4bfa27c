package org.streamml.ml.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * KSWIN, the Kolmogorov–Smirnov windowing detector (Raab, Heusinger, Schleif, "Reactive Soft Prototype Computing
 * for Concept Drift Streams", Neurocomputing 416, 2020): compares the distribution of the latest values with
 * that of older ones, so it sees changes of shape and spread as well as of the mean.
 *
 * <p>The rule: the detector keeps a sliding window of the last {@code windowSize} values. Once it is full, at
 * every value the last {@code statSize} values are compared with {@code statSize} values drawn uniformly
 * without replacement (seeded) from the older {@code windowSize - statSize} by the two-sample
 * Kolmogorov–Smirnov test, whose exact p-value for equal sample sizes is used (Gnedenko–Korolyuk, see
 * {@link KolmogorovSmirnov}). {@link DriftSignal#DRIFT} when {@code p < alpha}: the window then keeps only its
 * last {@code statSize} values and must fill up again before the next test; otherwise its oldest value leaves.
 * No warning zone. Unlike River's {@code KSWIN} there is no extra condition on the statistic itself.
 * {@link #statistic()} is the last test's p-value (NaN before the first).
 *
 * <p>A stationary stream signals at a rate of at most {@code alpha} per test (less, as the exact distribution is
 * discrete). Allocation-free: the window, the index pool and both samples are arrays allocated once.
 */
public final class Kswin implements DriftDetector {
    /**
     * KSWIN's settings.
     *
     * @param windowSize the values in the sliding window, &gt;= 2 · statSize
     * @param statSize the values in each sample of the test, &gt;= 2
     * @param alpha the p-value below which the detector signals drift, in (0, 1)
     * @param seed the seed of the sampling
     */
    public record Options(int windowSize, int statSize, double alpha, long seed) {
        /** Validates every setting. */
        public Options {
            SavedState.check(statSize >= 2, "statSize must be >= 2: " + statSize);
            SavedState.check(windowSize >= 2 * statSize && windowSize <= 1 << 24,
                    "windowSize must be in [2 * statSize = " + 2 * statSize + ", 2^24]: " + windowSize);
            SavedState.check(alpha > 0 && alpha < 1, "alpha must be in (0, 1): " + alpha);
        }

        /** The paper's defaults: window 100, samples of 30, alpha 0.005; seed 42. */
        public static Options defaults() {
            return new Options(100, 30, 0.005, 42L);
        }

        /** A copy with {@code windowSize} changed. */
        public Options withWindowSize(int windowSize) {
            return new Options(windowSize, statSize, alpha, seed);
        }

        /** A copy with {@code statSize} changed. */
        public Options withStatSize(int statSize) {
            return new Options(windowSize, statSize, alpha, seed);
        }

        /** A copy with {@code alpha} changed. */
        public Options withAlpha(double alpha) {
            return new Options(windowSize, statSize, alpha, seed);
        }

        /** A copy with {@code seed} changed. */
        public Options withSeed(long seed) {
            return new Options(windowSize, statSize, alpha, seed);
        }
    }

    private static final String NAME = "KSWIN";

    private final Options options;
    private final double[] window;
    private final int[] pool;
    private final double[] recent;
    private final double[] sample;
    private int start;
    private int size;
    private long random;
    private long tests;
    private double pValue;

    /** A fresh detector with {@code options}. */
    public Kswin(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.window = new double[options.windowSize()];
        this.pool = new int[options.windowSize() - options.statSize()];
        this.recent = new double[options.statSize()];
        this.sample = new double[options.statSize()];
        reset();
    }

    /** A fresh detector with the default options. */
    public Kswin() {
        this(Options.defaults());
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    /** The values now in the window. */
    public int size() {
        return size;
    }

    /** The tests run since the last {@link #reset()}. */
    public long tests() {
        return tests;
    }

    @Override
    public DriftSignal add(double x) {
        ErrorChecks.checkFinite(x);
        int n = window.length;
        window[(start + size) % n] = x;
        size++;
        if (size < n) {
            return DriftSignal.NONE;
        }
        tests++;
        pValue = test();
        if (pValue < options.alpha()) {
            int r = options.statSize();
            start = (start + n - r) % n;
            size = r;
            return DriftSignal.DRIFT;
        }
        start = (start + 1) % n;
        size--;
        return DriftSignal.NONE;
    }

    private double test() {
        int n = window.length;
        int r = recent.length;
        int older = pool.length;
        for (int i = 0; i < r; i++) {
            recent[i] = window[(start + older + i) % n];
        }
        for (int i = 0; i < older; i++) {
            pool[i] = i;
        }
        // A partial Fisher–Yates shuffle: the first r entries of the pool become a uniform sample.
        for (int i = 0; i < r; i++) {
            int j = i + nextInt(older - i);
            int picked = pool[j];
            pool[j] = pool[i];
            pool[i] = picked;
            sample[i] = window[(start + picked) % n];
        }
        Arrays.sort(recent);
        Arrays.sort(sample);
        return KolmogorovSmirnov.pValue(KolmogorovSmirnov.gap(recent, sample), r);
    }

    /** SplitMix64 (Steele, Lea, Flood 2014), mapped to [0, bound) by a multiply-shift. */
    private int nextInt(int bound) {
        random += 0x9E3779B97F4A7C15L;
        long z = random;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (((z >>> 32) * bound) >>> 32);
    }

    @Override
    public double statistic() {
        return pValue;
    }

    @Override
    public void reset() {
        start = 0;
        size = 0;
        random = options.seed();
        tests = 0;
        pValue = Double.NaN;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} The window is saved oldest first. */
    @Override
    public Object saveState() {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = window[(start + i) % window.length];
        }
        return SavedState.of(NAME, new long[] {random, tests}, new double[] {pValue}, values);
    }

    @Override
    public void restoreState(Object state) {
        List<?> parts = SavedState.parts(state, NAME, 4);
        long[] counters = SavedState.longs(parts, 1, 2);
        double[] numbers = SavedState.doubles(parts, 2, 1);
        double[] values = SavedState.doubles(parts, 3, -1);
        SavedState.check(values.length < window.length, "saved KSWIN window must hold fewer than "
                + window.length + " values: " + values.length);
        System.arraycopy(values, 0, window, 0, values.length);
        start = 0;
        size = values.length;
        random = counters[0];
        tests = counters[1];
        pValue = numbers[0];
    }
}
