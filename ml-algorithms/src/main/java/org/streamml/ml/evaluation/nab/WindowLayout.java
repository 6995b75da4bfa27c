package org.streamml.ml.evaluation.nab;

import java.util.List;

/**
 * Where NAB's windows fall in one file's rows, and the profile-free part of each row's sweep score
 * (NAB's {@code Sweeper.calcSweepScore}): inside a window, the scaled sigmoid of the row's relative position
 * divided by its value at the window's start; outside, the scaled sigmoid of the distance past the preceding
 * window in units of that window's width ({@code -1} before the first window).
 */
final class WindowLayout {
    /** {@link #windowOf} of a row in the probationary period. */
    static final int PROBATION = -2;
    /** {@link #windowOf} of a scored row outside every window. */
    static final int OUTSIDE = -1;

    private static final double MAX_TP = scaledSigmoid(-1.0);

    final int rows;
    final int probationaryRows;
    /** Per row: the file-local window index, {@link #OUTSIDE} or {@link #PROBATION}. */
    final int[] windowOf;
    /** Per row: the unweighted sweep score (see the class comment). */
    final double[] factor;
    /** The number of windows that have at least one scored row; they are numbered 0 .. scoredWindows-1. */
    final int scoredWindows;

    private WindowLayout(int rows, int probationaryRows, int[] windowOf, double[] factor, int scoredWindows) {
        this.rows = rows;
        this.probationaryRows = probationaryRows;
        this.windowOf = windowOf;
        this.factor = factor;
        this.scoredWindows = scoredWindows;
    }

    /**
     * NAB's scaled sigmoid: {@code 2 sigmoid(-5 x) - 1}, and {@code -1} from {@code x >= 3} on: about
     * 0.987 at a window's start (-1), 0 at its end (0), -0.987 one window width after it (1).
     */
    static double scaledSigmoid(double relativePosition) {
        if (relativePosition >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    /**
     * The rows of a file of {@code timestamps} not scored: {@code min(floor(p n), p 5000)} as in NAB's
     * {@code getProbationPeriod}, rounded up to whole rows.
     */
    static int probationaryLength(double probationPercent, int rows) {
        double len = Math.min(Math.floor(probationPercent * rows), probationPercent * 5000.0);
        return (int) Math.ceil(len);
    }

    /**
     * Lays the {@code windows} over the rows. A window opens at the first row (after the previous window) whose
     * timestamp equals its start (NAB's rule), or failing that lies within it, and closes at the first row from
     * there whose timestamp equals its end, or failing that at the last row before one past its end. A window
     * that no row enters is dropped.
     */
    static WindowLayout of(long[] timestamps, List<NabWindow> windows, double probationPercent) {
        int n = timestamps.length;
        int probation = probationaryLength(probationPercent, n);
        int[] windowOf = new int[n];
        double[] factor = new double[n];
        int k = 0;
        int scored = 0;
        int prevRight = -1;
        int prevWidth = 0;
        int i = 0;
        while (i < n) {
            long t = timestamps[i];
            while (k < windows.size() && t > windows.get(k).endMillis()) {
                k++;
            }
            if (k < windows.size() && t >= windows.get(k).startMillis()) {
                int right = rightEdge(timestamps, i, windows.get(k).endMillis());
                int width = right - i + 1;
                boolean anyScored = right >= probation;
                for (int r = i; r <= right; r++) {
                    double position = -(right - r + 1) / (double) width;
                    factor[r] = scaledSigmoid(position) / MAX_TP;
                    windowOf[r] = r < probation ? PROBATION : scored;
                }
                if (anyScored) {
                    scored++;
                }
                prevRight = right;
                prevWidth = width;
                k++;
                i = right + 1;
                continue;
            }
            if (prevRight < 0 || prevWidth <= 1) {
                factor[i] = -1.0;
            } else {
                factor[i] = scaledSigmoid(Math.abs(prevRight - i) / (double) (prevWidth - 1));
            }
            windowOf[i] = i < probation ? PROBATION : OUTSIDE;
            i++;
        }
        return new WindowLayout(n, Math.min(probation, n), windowOf, factor, scored);
    }

    private static int rightEdge(long[] timestamps, int from, long end) {
        for (int j = from; j < timestamps.length; j++) {
            if (timestamps[j] == end) {
                return j;
            }
        }
        int j = from;
        while (j + 1 < timestamps.length && timestamps[j + 1] <= end) {
            j++;
        }
        return j;
    }
}
