package org.streamml.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every StreamML chart: white background, light grid, a fixed palette so that the
 * same series keeps its colour from frame to frame, and the marker colours that tests look for.
 */
public final class ChartStyle {
    /** The colour of anomaly markers. */
    public static final Color ANOMALY = new Color(220, 30, 30);
    /** The colour of the band above an anomaly-score threshold. */
    public static final Color THRESHOLD_BAND = new Color(255, 190, 60, 110);
    /** The colour of the threshold line. */
    public static final Color THRESHOLD_LINE = new Color(230, 120, 0);
    /** The colour of k-means centers. */
    public static final Color CENTER = Color.BLACK;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(44, 160, 44), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(23, 190, 207), new Color(188, 189, 34), new Color(127, 127, 127), new Color(227, 119, 194),
        new Color(0, 70, 140), new Color(60, 100, 30),
    };

    private ChartStyle() {
    }

    /** The palette colour of series {@code i} (the palette repeats; it holds no reds or oranges). */
    public static Paint seriesPaint(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** Applies the shared look to {@code chart} and returns it. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getPlot() instanceof XYPlot plot) {
            applyToPlot(plot);
        }
        return chart;
    }

    /** Applies the shared look to one plot (also used for the subplots of combined charts). */
    public static void applyToPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /**
     * Adds legend entries for what a chart draws as markers rather than series (alarms, labelled windows,
     * drift points): each {@code entries} element is a {@link #markerLine} or a {@link #markerArea}. They
     * follow the series' entries; a chart without a legend gets one at the bottom. Returns the chart.
     */
    public static JFreeChart addMarkerLegend(JFreeChart chart, LegendItem... entries) {
        XYPlot plot = chart.getXYPlot();
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getLegendItems());
        for (LegendItem e : entries) {
            items.add(e);
        }
        plot.setFixedLegendItems(items);
        if (chart.getLegend() == null) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
            chart.addLegend(legend);
        }
        return chart;
    }

    /** A legend entry for a vertical marker line of {@code paint} drawn with {@code stroke}. */
    public static LegendItem markerLine(String label, Paint paint, Stroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-7, 0, 7, 0), stroke, paint);
    }

    /** A legend entry for a shaded interval of {@code paint}. */
    public static LegendItem markerArea(String label, Paint paint) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), paint);
    }

    /** A line renderer without shapes whose series take palette colours from {@code firstColour}. */
    public static XYLineAndShapeRenderer lines(int count, int firstColour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < count; i++) {
            r.setSeriesPaint(i, seriesPaint(firstColour + i));
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        return r;
    }
}
