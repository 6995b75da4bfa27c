package org.streamml.viz.chart;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/** Test helpers that render a chart and look at its pixels. */
public final class Pixels {
    /** The rendered image. */
    public final BufferedImage image;
    /** Where the plots were drawn. */
    public final ChartRenderingInfo info;

    private Pixels(BufferedImage image, ChartRenderingInfo info) {
        this.image = image;
        this.info = info;
    }

    /** Renders {@code chart} at {@code width} x {@code height}. */
    public static Pixels render(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
        return new Pixels(img, info);
    }

    /** The data area of the chart's only plot, or of subplot {@code i} of a combined plot (i >= 0). */
    public Rectangle2D dataArea(int subplot) {
        return subplot < 0 ? info.getPlotInfo().getDataArea()
                : info.getPlotInfo().getSubplotInfo(subplot).getDataArea();
    }

    /** The pixel column of domain value {@code x} in {@code plot}, drawn in {@code area}. */
    public static int columnOf(XYPlot plot, ValueAxis domain, double x, Rectangle2D area) {
        RectangleEdge edge = RectangleEdge.BOTTOM;
        return (int) Math.round(domain.valueToJava2D(x, area, edge));
    }

    /** The pixel row of range value {@code y} of {@code plot}, drawn in {@code area}. */
    public static int rowOf(XYPlot plot, double y, Rectangle2D area) {
        return (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT));
    }

    /** The number of pixels in columns [x0, x1] of {@code area} within {@code tolerance} of {@code colour}. */
    public int count(Color colour, int tolerance, int x0, int x1, Rectangle2D area) {
        int n = 0;
        int y0 = (int) Math.ceil(area.getMinY());
        int y1 = (int) Math.floor(area.getMaxY());
        for (int x = Math.max(0, x0); x <= Math.min(image.getWidth() - 1, x1); x++) {
            for (int y = Math.max(0, y0); y <= Math.min(image.getHeight() - 1, y1); y++) {
                if (close(image.getRGB(x, y), colour, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The number of pixels of {@code area} that are not white. */
    public int nonWhite(Rectangle2D area) {
        return (int) (area.getWidth() * area.getHeight())
                - count(Color.WHITE, 8, (int) area.getMinX(), (int) area.getMaxX(), area);
    }

    /** The number of distinct colours in the whole image. */
    public int distinctColours() {
        Set<Integer> seen = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** The colour at pixel (x, y). */
    public Color at(int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    private static boolean close(int rgb, Color c, int tolerance) {
        Color p = new Color(rgb);
        return Math.abs(p.getRed() - c.getRed()) <= tolerance && Math.abs(p.getGreen() - c.getGreen()) <= tolerance
                && Math.abs(p.getBlue() - c.getBlue()) <= tolerance;
    }
}
