package org.streamml.viz.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named sequence of points, the plain-data input of every line chart.
 *
 * @param name the series' name as shown in the legend
 * @param x the x values (not modified; the series keeps the array)
 * @param y the y values, as many as {@code x} (not modified; the series keeps the array)
 */
public record Series(String name, double[] x, double[] y) {

    /** Checks that the name is set and that both arrays have the same length. */
    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                    + y.length + " y values");
        }
    }

    /** A series whose x values are 0, 1, 2, ... */
    public static Series indexed(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y);
    }

    /** The number of points. */
    public int size() {
        return x.length;
    }

    /**
     * This series with at most {@code 5 * buckets} points, for drawing: the points are cut into
     * {@code buckets} runs of equal count and each run keeps its first, last, lowest and highest point (and
     * its first NaN, so a gap stays a gap), in their order (the "M4" reduction of Jugel et al., VLDB 2014). A line drawn through them covers the same
     * pixels as the full line at a width of {@code buckets} pixels or less, so spikes and extremes stay visible
     * while a PNG renders faster and an SVG stays small. This series itself when it has at most
     * {@code 4 * buckets} points.
     *
     * @param buckets the runs, >= 1 (a chart's width in pixels is enough)
     */
    public Series downsampled(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1: " + buckets);
        }
        int n = x.length;
        if (n <= 4L * buckets) {
            return this;
        }
        double[] ox = new double[5 * buckets];  // first, lowest, highest, first gap, last
        double[] oy = new double[ox.length];
        int out = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            int lo = from;
            int hi = from;
            int gap = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(y[i])) {
                    gap = gap < 0 ? i : gap;
                    continue;
                }
                if (Double.isNaN(y[lo]) || y[i] < y[lo]) {
                    lo = i;
                }
                if (Double.isNaN(y[hi]) || y[i] > y[hi]) {
                    hi = i;
                }
            }
            int[] keep = {from, lo, hi, gap, to - 1};
            Arrays.sort(keep);
            int last = -1;
            for (int i : keep) {
                if (i >= from && i != last) {
                    ox[out] = x[i];
                    oy[out] = y[i];
                    out++;
                    last = i;
                }
            }
        }
        return new Series(name, Arrays.copyOf(ox, out), Arrays.copyOf(oy, out));
    }
}
