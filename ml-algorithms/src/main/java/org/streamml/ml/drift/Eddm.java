package org.streamml.ml.drift;

import java.util.List;
import java.util.Objects;

/**
 * The Early Drift Detection Method, EDDM (Baena-García, del Campo-Ávila, Fidalgo, Bifet, Gavaldà, Morales-Bueno,
 * "Early Drift Detection Method", ECML PKDD Workshop on Knowledge Discovery from Data Streams, 2006): watches
 * the distance between a classifier's errors, which shrinks when the concept changes, and so reacts to gradual
 * drift earlier than {@link Ddm}.
 *
 * <p>The rule, on a stream of errors (1 = wrong, 0 = right), counting values since the last reset: at every
 * error the distance (in values) from the previous error (from the reset, for the first) updates the running
 * mean {@code p'} and population standard deviation {@code s'} of the distances (Welford's recurrence). While
 * fewer than {@code minInstances - 1} values have been read nothing else happens. Then, if
 * {@code p' + 2s'} exceeds the largest value seen, it becomes the new maximum {@code (p' + 2s')_max} (once
 * more than {@code minInstances - 1} values have been read; at exactly {@code minInstances - 1} it is
 * ignored); otherwise, with {@code ratio = (p' + 2s') / (p' + 2s')_max} and more than {@code minErrors} errors:
 * {@link DriftSignal#DRIFT} if {@code ratio < driftRatio} (and the detector resets), else the warning zone is
 * entered if {@code ratio < warningRatio} and left otherwise. The warning zone is only re-evaluated at errors:
 * between two errors the detector keeps answering {@link DriftSignal#WARNING} if it is in it. These are the
 * semantics of MOA's {@code moa.classifiers.core.driftdetection.EDDM}, reproduced index by index (test
 * resources {@code drift/README.md}). {@link #statistic()} is the last ratio (NaN before there is one; after a drift, the ratio that
 * signalled it).
 */
public final class Eddm implements DriftDetector {
    /**
     * EDDM's settings.
     *
     * @param minInstances the values before the maximum is tracked, &gt;= 1
     * @param minErrors the errors that must be exceeded before a warning or drift, &gt;= 0
     * @param warningRatio the ratio to the maximum below which the detector warns, in (0, 1]
     * @param driftRatio the ratio below which it signals drift, in (0, warningRatio]
     */
    public record Options(int minInstances, int minErrors, double warningRatio, double driftRatio) {
        /** Validates every setting. */
        public Options {
            SavedState.check(minInstances >= 1, "minInstances must be >= 1: " + minInstances);
            SavedState.check(minErrors >= 0, "minErrors must be >= 0: " + minErrors);
            SavedState.check(warningRatio > 0 && warningRatio <= 1, "warningRatio must be in (0, 1]: " + warningRatio);
            SavedState.check(driftRatio > 0 && driftRatio <= warningRatio,
                    "driftRatio must be in (0, warningRatio = " + warningRatio + "]: " + driftRatio);
        }

        /** The paper's and MOA's defaults: 30 instances, 30 errors, warning below 0.95, drift below 0.90. */
        public static Options defaults() {
            return new Options(30, 30, 0.95, 0.90);
        }

        /** A copy with {@code minInstances} changed. */
        public Options withMinInstances(int minInstances) {
            return new Options(minInstances, minErrors, warningRatio, driftRatio);
        }

        /** A copy with {@code minErrors} changed. */
        public Options withMinErrors(int minErrors) {
            return new Options(minInstances, minErrors, warningRatio, driftRatio);
        }

        /** A copy with {@code warningRatio} changed. */
        public Options withWarningRatio(double warningRatio) {
            return new Options(minInstances, minErrors, warningRatio, driftRatio);
        }

        /** A copy with {@code driftRatio} changed. */
        public Options withDriftRatio(double driftRatio) {
            return new Options(minInstances, minErrors, warningRatio, driftRatio);
        }
    }

    private static final String NAME = "EDDM";

    private final Options options;
    private long count;
    private long errors;
    private long lastError;
    private double mean;
    private double squares;
    private double maxSpread;
    private double ratio;
    private boolean warning;

    /** A fresh detector with {@code options}. */
    public Eddm(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        reset();
    }

    /** A fresh detector with the default options. */
    public Eddm() {
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
        if (x == 1.0) {
            warning = false;
            errors++;
            double distance = count - lastError;
            lastError = count;
            double previousMean = mean;
            mean += (distance - mean) / errors;
            squares += (distance - mean) * (distance - previousMean);
            double spread = mean + 2 * Math.sqrt(squares / errors);
            if (count + 1 >= options.minInstances()) {
                if (spread > maxSpread) {
                    if (count + 1 > options.minInstances()) {
                        maxSpread = spread;
                    }
                } else {
                    ratio = spread / maxSpread;
                    if (errors > options.minErrors()) {
                        if (ratio < options.driftRatio()) {
                            double detected = ratio;
                            reset();
                            ratio = detected;
                            return DriftSignal.DRIFT;
                        }
                        warning = ratio < options.warningRatio();
                    }
                }
            }
        }
        return warning ? DriftSignal.WARNING : DriftSignal.NONE;
    }

    @Override
    public double statistic() {
        return ratio;
    }

    @Override
    public void reset() {
        count = 0;
        errors = 0;
        lastError = 0;
        mean = 0;
        squares = 0;
        maxSpread = 0;
        ratio = Double.NaN;
        warning = false;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object saveState() {
        return SavedState.of(NAME, new long[] {count, errors, lastError, warning ? 1 : 0},
                new double[] {mean, squares, maxSpread, ratio});
    }

    @Override
    public void restoreState(Object state) {
        List<?> parts = SavedState.parts(state, NAME, 3);
        long[] counters = SavedState.longs(parts, 1, 4);
        double[] numbers = SavedState.doubles(parts, 2, 4);
        SavedState.check(counters[0] >= 0 && counters[1] >= 0 && counters[2] >= 0 && counters[2] <= counters[0],
                "saved EDDM counters must be counts: " + java.util.Arrays.toString(counters));
        count = counters[0];
        errors = counters[1];
        lastError = counters[2];
        warning = counters[3] != 0;
        mean = numbers[0];
        squares = numbers[1];
        maxSpread = numbers[2];
        ratio = numbers[3];
    }
}
