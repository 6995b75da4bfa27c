package org.streamml.viz.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A continuous colour scale from dark blue (low) through magenta to yellow (high), for heatmaps of
 * activity. Immutable.
 */
public final class HeatScale implements PaintScale {
    private static final float[][] STOPS = {
        {0.05f, 0.03f, 0.25f}, {0.45f, 0.05f, 0.55f}, {0.85f, 0.25f, 0.35f}, {0.99f, 0.65f, 0.1f},
        {0.99f, 0.98f, 0.6f},
    };
    private final double lower;
    private final double upper;

    /** A scale mapping {@code lower} to the first colour and {@code upper} to the last. */
    public HeatScale(double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("upper bound must be > lower bound: " + lower + " .. " + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    /** A scale over the finite values of {@code values}, or over [0, 1] if they are all equal or none is finite. */
    public static HeatScale over(double[][] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > lo ? new HeatScale(lo, hi) : new HeatScale(0, 1);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = Double.isNaN(value) ? 0 : (value - lower) / (upper - lower);
        t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min((int) t, STOPS.length - 2);
        float f = (float) (t - i);
        float[] a = STOPS[i];
        float[] b = STOPS[i + 1];
        return new Color(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]));
    }
}
