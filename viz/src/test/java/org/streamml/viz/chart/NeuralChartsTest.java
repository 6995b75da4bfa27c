package org.streamml.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;

class NeuralChartsTest {
    private static final int NEURONS = 20;
    private static final int STEPS = 100;

    /** Neurons 0-9 fire in the first half of the recording, neurons 10-19 in the second. */
    private static double[][] activity() {
        Random random = new Random(7);
        double[][] a = new double[NEURONS][STEPS];
        for (int n = 0; n < NEURONS; n++) {
            for (int t = 0; t < STEPS; t++) {
                boolean active = n < 10 ? t < 50 : t >= 50;
                a[n][t] = (active ? 1.0 : 0.0) + 0.05 * random.nextDouble();
            }
        }
        return a;
    }

    private static double[] times() {
        double[] t = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            t[i] = i * 0.5;
        }
        return t;
    }

    private static int[] clusters() {
        int[] c = new int[NEURONS];
        for (int n = 10; n < NEURONS; n++) {
            c[n] = 1;
        }
        return c;
    }

    @Test
    void shouldColourActiveCellsHotterThanQuietOnes() {
        JFreeChart chart = NeuralCharts.heatmap(new ChartText("Brain", "time (s)", "neuron"), times(), activity());

        XYPlot plot = chart.getXYPlot();
        assertEquals(NEURONS * STEPS, plot.getDataset().getItemCount(0));
        assertEquals("time (s)", plot.getDomainAxis().getLabel());
        assertEquals("neuron", plot.getRangeAxis().getLabel());
        assertInstanceOf(PaintScaleLegend.class, chart.getSubtitle(0));
        Pixels px = Pixels.render(chart, 800, 400);
        Rectangle2D area = px.dataArea(-1);
        int early = Pixels.columnOf(plot, plot.getDomainAxis(), 10, area);
        int late = Pixels.columnOf(plot, plot.getDomainAxis(), 40, area);
        int firstGroup = Pixels.rowOf(plot, 4, area);
        int secondGroup = Pixels.rowOf(plot, 15, area);
        assertTrue(brightness(px.at(early, firstGroup)) > brightness(px.at(early, secondGroup)) + 200,
                "neurons 0-9 are hot early: " + px.at(early, firstGroup) + " vs " + px.at(early, secondGroup));
        assertTrue(brightness(px.at(late, secondGroup)) > brightness(px.at(late, firstGroup)) + 200,
                "neurons 10-19 are hot late");
    }

    @Test
    void shouldAverageEachClusterOfNeurons() {
        List<Series> means = NeuralCharts.clusterMeans(times(), activity(), clusters());

        assertEquals(2, means.size());
        assertEquals("cluster 0 (10)", means.get(0).name());
        assertEquals(1.0, means.get(0).y()[10], 0.05);
        assertEquals(0.0, means.get(0).y()[80], 0.05);
        assertEquals(1.0, means.get(1).y()[80], 0.05);
        JFreeChart chart = NeuralCharts.meanTraces(new ChartText("Means", "time (s)", "mean activity"), times(),
                activity(), clusters());
        assertEquals(2, chart.getXYPlot().getDataset().getSeriesCount());
        Pixels px = Pixels.render(chart, 500, 300);
        assertTrue(px.count((Color) ChartStyle.seriesPaint(1), 30, 0, 499, px.dataArea(-1)) > 50);
    }

    @Test
    void shouldStackTheHeatmapAboveTheMeanTraces() {
        JFreeChart chart = NeuralCharts.activity(new ChartText("Brain", "time (s)", "neuron"), times(), activity(),
                clusters());

        CombinedDomainXYPlot plot = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
        assertEquals(2, plot.getSubplots().size());
        assertEquals(2, plot.getSubplots().get(1).getDataset().getSeriesCount());
        Pixels px = Pixels.render(chart, 800, 500);
        assertTrue(px.distinctColours() > 20, "the heatmap uses many colours");
    }

    @Test
    void shouldRejectRowsOfTheWrongLength() {
        double[][] ragged = {{1, 2, 3}, {1, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuralCharts.heatmap(new ChartText("", "", ""), new double[] {0, 1, 2}, ragged));
        assertEquals("activity row 1 has 2 values but there are 3 times", e.getMessage());
    }

    @Test
    void shouldSpanTheScaleFromDarkToLight() {
        HeatScale scale = new HeatScale(0, 10);
        assertTrue(brightness((Color) scale.getPaint(0)) < 150);
        assertTrue(brightness((Color) scale.getPaint(10)) > 600);
        assertEquals(scale.getPaint(10), scale.getPaint(99), "values above the range take the top colour");
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
