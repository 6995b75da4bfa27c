package org.streamml.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/** {@link Series#downsampled}: a long series is drawn through each bucket's first, last and extreme points. */
class SeriesDownsamplingTest {

    @Test
    void eachBucketKeepsItsFirstLastLowestAndHighestPointInOrder() {
        double[] y = new double[100];
        Random r = new Random(3);
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        y[37] = 50;   // a spike
        y[81] = -50;  // a dip
        Series s = Series.indexed("s", y).downsampled(10);
        assertTrue(s.size() <= 40, "at most 4 points per bucket without gaps: " + s.size());
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.x()[i] > s.x()[i - 1], "x increases");
        }
        assertEquals(0.0, s.x()[0]);
        assertEquals(99.0, s.x()[s.size() - 1]);
        for (int b = 0; b < 10; b++) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 10 * b; i < 10 * b + 10; i++) {
                max = Math.max(max, y[i]);
                min = Math.min(min, y[i]);
            }
            double keptMax = Double.NEGATIVE_INFINITY;
            double keptMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < s.size(); i++) {
                if (s.x()[i] >= 10 * b && s.x()[i] < 10 * b + 10) {
                    keptMax = Math.max(keptMax, s.y()[i]);
                    keptMin = Math.min(keptMin, s.y()[i]);
                }
            }
            assertEquals(max, keptMax, "bucket " + b + " keeps its highest point");
            assertEquals(min, keptMin, "bucket " + b + " keeps its lowest point");
        }
    }

    @Test
    void aGapStaysAGapAndASmallSeriesIsLeftAsItIs() {
        double[] y = new double[100];
        y[55] = Double.NaN;
        Series s = Series.indexed("s", y).downsampled(10);
        assertTrue(java.util.Arrays.stream(s.y()).anyMatch(Double::isNaN), "the NaN is kept");
        Series small = Series.indexed("s", new double[40]);
        assertSame(small, small.downsampled(10));
        assertThrows(IllegalArgumentException.class, () -> small.downsampled(0));
    }

    @Test
    void aLongSeriesMakesAnSvgOfAFewMegabytesAtMost() {
        double[] y = new double[1_000_000];
        Random r = new Random(5);
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 1000.0) + 0.1 * r.nextGaussian();
        }
        JFreeChart chart = TimeSeriesCharts.lines(new ChartText("a million points", "x", "y"),
                List.of(Series.indexed("y", y)));
        SVGGraphics2D g = new SVGGraphics2D(1200, 500);
        chart.draw(g, new java.awt.Rectangle(0, 0, 1200, 500));
        int bytes = g.getSVGDocument().getBytes(StandardCharsets.UTF_8).length;
        // Drawn through at most 5 * 2,000 points (JFreeSVG writes a <line> element per segment, about 230 bytes):
        // measured 2.3 MB, where all 1,000,000 points would take about 230 MB.
        assertTrue(bytes < 3_000_000, "SVG of " + bytes + " bytes");
    }
}
