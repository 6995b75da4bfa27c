package org.streamml.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class ClusterChartsTest {
    private static final double[][] TRUE_CENTERS = {{0, 0}, {10, 0}, {5, 8}};

    @Test
    void shouldDrawPointsByClusterAndCentersWithTheirPaths() {
        Random random = new Random(3);
        int n = 300;
        double[][] points = new double[n][];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = i % 3;
            points[i] = new double[] {TRUE_CENTERS[i % 3][0] + random.nextGaussian(),
                TRUE_CENTERS[i % 3][1] + random.nextGaussian()};
        }
        double[][][] paths = new double[3][][];
        for (int c = 0; c < 3; c++) {
            paths[c] = new double[][] {{2, 3}, {(2 + TRUE_CENTERS[c][0]) / 2, (3 + TRUE_CENTERS[c][1]) / 2},
                TRUE_CENTERS[c]};
        }

        JFreeChart chart = ClusterCharts.scatter(new ChartText("Clusters", "PC1", "PC2"), points, cluster, paths);

        XYPlot plot = chart.getXYPlot();
        assertEquals(ClusterCharts.CENTERS_SERIES, plot.getDataset(0).getSeriesKey(0));
        assertEquals(3, plot.getDataset(0).getItemCount(0));
        assertEquals(3, plot.getDataset(1).getSeriesCount(), "one path per center");
        assertEquals(3, plot.getDataset(1).getItemCount(0), "each path has every step");
        assertEquals(3, plot.getDataset(2).getSeriesCount(), "one point series per cluster");
        assertEquals(100, plot.getDataset(2).getItemCount(1));
        assertEquals("PC1", plot.getDomainAxis().getLabel());
        assertEquals("PC2", plot.getRangeAxis().getLabel());

        Pixels px = Pixels.render(chart, 600, 500);
        Rectangle2D area = px.dataArea(-1);
        for (double[] c : TRUE_CENTERS) {
            int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(c[0], area, RectangleEdge.BOTTOM));
            int y = Pixels.rowOf(plot, c[1], area);
            assertEquals(Color.BLACK, px.at(x, y), "a black center square at " + c[0] + "," + c[1]);
        }
        assertTrue(px.count((Color) ChartStyle.seriesPaint(2), 20, 0, 599, area) > 200, "cluster 2's points");
    }

    @Test
    void shouldRejectAClusterOutsideTheCenters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterCharts.scatter(
                new ChartText("", "", ""), new double[][] {{0, 0}}, new int[] {2}, new double[][][] {{{0, 0}}}));
        assertEquals("cluster must be in [0, 1): 2", e.getMessage());
    }
}
