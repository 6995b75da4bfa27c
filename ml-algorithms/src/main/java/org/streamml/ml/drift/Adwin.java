package org.streamml.ml.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * ADWIN, adaptive windowing (Bifet, Gavaldà, "Learning from Time-Changing Data with Adaptive Windowing", SDM
 * 2007): keeps a window of the most recent values that is as long as the data allow, dropping its oldest part
 * whenever the means of an older and a newer part differ significantly. It signals drift when it drops.
 *
 * <p>This is ADWIN2, the paper's memory-efficient version: the window is an exponential histogram whose row
 * {@code k} holds up to {@code maxBuckets} buckets of {@code 2^k} values (their sum and their variance sum); a
 * row overflowing to {@code maxBuckets + 1} merges its two oldest buckets into one of the next row. Every
 * {@code clock} values, if the window is longer than {@code minLength}, every split into an older part
 * {@code W0} ({@code n0} values, mean {@code µ0}) and a newer part {@code W1} ({@code n1}, {@code µ1}) at a
 * bucket boundary, oldest first, is tested; with {@code n = n0 + n1}, {@code σ²} the window's variance,
 * {@code δ' = δ / ln n} and
 * <pre>
 *   1/m = 1/(n0 - minLength + 1) + 1/(n1 - minLength + 1)
 *   ε   = sqrt(2/m · σ² · ln(2/δ')) + 2/(3m) · ln(2/δ')
 * </pre>
 * the split cuts if {@code n0 > minLength + 1}, {@code n1 > minLength + 1} and {@code |µ0 - µ1| > ε}: the
 * oldest bucket is dropped and the tests start again, until no split cuts. This is the variance-based
 * (Bernstein-type) bound of the paper's section 4 in the form of Bifet's reference code and MOA's
 * {@code moa.classifiers.core.driftdetection.ADWIN} (with its {@code minLength} correction of the sub-window
 * sizes), whose detections this class reproduces index by index (test resources {@code drift/README.md}).
 * The window never resets: {@link #reset()} is only for reuse. No warning zone.
 * {@link #statistic()} is the window's mean.
 *
 * <p>Allocation-free: the histogram lives in arrays sized for 64 rows (windows of up to
 * {@code maxBuckets · (2^64 - 1)} values) allocated once.
 */
public final class Adwin implements DriftDetector {
    /**
     * ADWIN's settings.
     *
     * @param delta the confidence parameter, in (0, 1)
     * @param maxBuckets the buckets per row of the histogram (M), &gt;= 2
     * @param clock the values between two rounds of cut tests, &gt;= 1
     * @param minLength the shortest window tested and the sub-window correction, &gt;= 1
     */
    public record Options(double delta, int maxBuckets, int clock, int minLength) {
        /** Validates every setting. */
        public Options {
            SavedState.check(delta > 0 && delta < 1, "delta must be in (0, 1): " + delta);
            SavedState.check(maxBuckets >= 2, "maxBuckets must be >= 2: " + maxBuckets);
            SavedState.check(clock >= 1, "clock must be >= 1: " + clock);
            SavedState.check(minLength >= 1, "minLength must be >= 1: " + minLength);
        }

        /** MOA's defaults: delta 0.002, 5 buckets per row, tests every 32 values, minimum length 5. */
        public static Options defaults() {
            return new Options(0.002, 5, 32, 5);
        }

        /** A copy with {@code delta} changed. */
        public Options withDelta(double delta) {
            return new Options(delta, maxBuckets, clock, minLength);
        }

        /** A copy with {@code maxBuckets} changed. */
        public Options withMaxBuckets(int maxBuckets) {
            return new Options(delta, maxBuckets, clock, minLength);
        }

        /** A copy with {@code clock} changed. */
        public Options withClock(int clock) {
            return new Options(delta, maxBuckets, clock, minLength);
        }

        /** A copy with {@code minLength} changed. */
        public Options withMinLength(int minLength) {
            return new Options(delta, maxBuckets, clock, minLength);
        }
    }

    private static final String NAME = "ADWIN";
    private static final int MAX_ROWS = 64;

    private final Options options;
    private final int capacity;
    private final double[] sums;
    private final double[] variances;
    private final int[] starts = new int[MAX_ROWS];
    private final int[] sizes = new int[MAX_ROWS];
    private int rows;
    private long width;
    private long time;
    private double total;
    private double variance;

    /** A fresh detector with {@code options}. */
    public Adwin(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.capacity = options.maxBuckets() + 1;
        this.sums = new double[MAX_ROWS * capacity];
        this.variances = new double[MAX_ROWS * capacity];
    }

    /** A fresh detector with the default options. */
    public Adwin() {
        this(Options.defaults());
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    /** The number of values in the window. */
    public long width() {
        return width;
    }

    /** The mean of the window's values (NaN while it is empty). */
    public double mean() {
        return width == 0 ? Double.NaN : total / width;
    }

    /** The population variance of the window's values (NaN while it is empty). */
    public double variance() {
        return width == 0 ? Double.NaN : variance / width;
    }

    @Override
    public DriftSignal add(double x) {
        ErrorChecks.checkFinite(x);
        insert(x);
        time++;
        if (time % options.clock() != 0 || width <= options.minLength()) {
            return DriftSignal.NONE;
        }
        boolean cut = false;
        while (cutOnce()) {
            cut = true;
        }
        return cut ? DriftSignal.DRIFT : DriftSignal.NONE;
    }

    private void insert(double x) {
        width++;
        if (width > 1) {
            double d = x - total / (width - 1);
            variance += (width - 1) * d * d / width;
        }
        total += x;
        if (rows == 0) {
            rows = 1;
        }
        push(0, x, 0.0);
        for (int row = 0; sizes[row] == capacity; row++) {
            // Row full: its two oldest buckets become one bucket of the next row.
            double n = bucketSize(row);
            double sum0 = sums[slot(row, 0)];
            double sum1 = sums[slot(row, 1)];
            double diff = sum0 / n - sum1 / n;
            double merged = variances[slot(row, 0)] + variances[slot(row, 1)] + n * n * diff * diff / (n + n);
            pop(row);
            pop(row);
            if (rows == row + 1) {
                rows++;
            }
            push(row + 1, sum0 + sum1, merged);
        }
    }

    /** One round of tests from the oldest split on; drops the oldest bucket and returns true at a cut. */
    private boolean cutOnce() {
        long n0 = 0;
        long n1 = width;
        double u0 = 0;
        double u1 = total;
        double windowVariance = variance / width;
        double logTerm = Math.log(2 * Math.log(width) / options.delta());
        int minLength = options.minLength();
        for (int row = rows - 1; row >= 0; row--) {
            long n = 1L << row;
            for (int j = 0; j < sizes[row]; j++) {
                double sum = sums[slot(row, j)];
                n0 += n;
                n1 -= n;
                u0 += sum;
                u1 -= sum;
                if (row == 0 && j == sizes[row] - 1) {
                    return false;
                }
                if (n1 > minLength + 1 && n0 > minLength + 1
                        && cuts(n0, n1, u0, u1, windowVariance, logTerm, minLength)) {
                    dropOldest();
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean cuts(long n0, long n1, double u0, double u1, double windowVariance, double logTerm,
            int minLength) {
        double difference = u0 / n0 - u1 / n1;
        double m = 1.0 / (n0 - minLength + 1) + 1.0 / (n1 - minLength + 1);
        double epsilon = Math.sqrt(2 * m * windowVariance * logTerm) + 2.0 / 3 * logTerm * m;
        return Math.abs(difference) > epsilon;
    }

    private void dropOldest() {
        int row = rows - 1;
        double n = bucketSize(row);
        int at = slot(row, 0);
        width -= 1L << row;
        total -= sums[at];
        double u = sums[at] / n;
        double d = u - total / width;
        variance -= variances[at] + n * width * d * d / (n + width);
        pop(row);
        if (sizes[row] == 0) {
            rows--;
        }
    }

    private static double bucketSize(int row) {
        return 1L << row;
    }

    private int slot(int row, int j) {
        return row * capacity + (starts[row] + j) % capacity;
    }

    private void push(int row, double sum, double var) {
        if (row >= MAX_ROWS) {
            throw new IllegalStateException("ADWIN window longer than its " + MAX_ROWS + " histogram rows hold");
        }
        int at = slot(row, sizes[row]);
        sums[at] = sum;
        variances[at] = var;
        sizes[row]++;
    }

    private void pop(int row) {
        starts[row] = (starts[row] + 1) % capacity;
        sizes[row]--;
    }

    @Override
    public double statistic() {
        return mean();
    }

    @Override
    public void reset() {
        Arrays.fill(starts, 0);
        Arrays.fill(sizes, 0);
        rows = 0;
        width = 0;
        time = 0;
        total = 0;
        variance = 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} The buckets are saved oldest first in each row, with the rows' sizes. */
    @Override
    public Object saveState() {
        int buckets = 0;
        for (int row = 0; row < rows; row++) {
            buckets += sizes[row];
        }
        double[] bucketSums = new double[buckets];
        double[] bucketVariances = new double[buckets];
        int k = 0;
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < sizes[row]; j++, k++) {
                bucketSums[k] = sums[slot(row, j)];
                bucketVariances[k] = variances[slot(row, j)];
            }
        }
        return SavedState.of(NAME, new long[] {width, time, rows}, new double[] {total, variance},
                Arrays.copyOf(sizes, rows), bucketSums, bucketVariances);
    }

    @Override
    public void restoreState(Object state) {
        List<?> parts = SavedState.parts(state, NAME, 6);
        long[] counters = SavedState.longs(parts, 1, 3);
        double[] numbers = SavedState.doubles(parts, 2, 2);
        SavedState.check(counters[2] >= 0 && counters[2] <= MAX_ROWS,
                "saved ADWIN rows must be in [0, " + MAX_ROWS + "]: " + counters[2]);
        int savedRows = (int) counters[2];
        int[] savedSizes = SavedState.ints(parts, 3, savedRows);
        int buckets = 0;
        for (int size : savedSizes) {
            SavedState.check(size >= 0 && size < capacity, "saved ADWIN row sizes must be in [0, "
                    + (capacity - 1) + "] for " + options.maxBuckets() + " buckets: " + Arrays.toString(savedSizes));
            buckets += size;
        }
        double[] bucketSums = SavedState.doubles(parts, 4, buckets);
        double[] bucketVariances = SavedState.doubles(parts, 5, buckets);
        reset();
        width = counters[0];
        time = counters[1];
        rows = savedRows;
        total = numbers[0];
        variance = numbers[1];
        int k = 0;
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < savedSizes[row]; j++, k++) {
                push(row, bucketSums[k], bucketVariances[k]);
            }
        }
    }
}
