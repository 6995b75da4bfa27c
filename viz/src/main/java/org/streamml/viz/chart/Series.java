package org.streamml.viz.chart;

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
}
