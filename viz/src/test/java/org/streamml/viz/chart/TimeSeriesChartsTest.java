package org.streamml.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class TimeSeriesChartsTest {
    private static final int N = 500;
    private static final double[] ANOMALIES = {120, 370};

    private static List<Series> sensorChannels() {
        Random random = new Random(42);
        List<Series> channels = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[] y = new double[N];
            for (int i = 0; i < N; i++) {
                y[i] = Math.sin(i / 20.0 + c) + 0.1 * random.nextGaussian() + 3 * c;
            }
            channels.add(Series.indexed("sensor " + c, y));
        }
        return channels;
    }

    private static Series score() {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = 0.2 + (Math.abs(i - 120) < 3 || Math.abs(i - 370) < 3 ? 0.8 : 0);
        }
        return Series.indexed("score", s);
    }

    @Test
    void shouldDrawEveryChannelWithAnomalyMarkersAndAScoreBand() {
        JFreeChart chart = TimeSeriesCharts.multichannel(new ChartText("Sensors", "time", "reading"),
                sensorChannels(), ANOMALIES, score(), 0.7);

        CombinedDomainXYPlot combined = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
        XYPlot main = combined.getSubplots().get(0);
        XYPlot lower = combined.getSubplots().get(1);
        assertEquals(3, main.getDataset().getSeriesCount());
        assertEquals("sensor 2", main.getDataset().getSeriesKey(2));
        assertEquals(1, lower.getDataset().getSeriesCount());
        assertEquals("time", combined.getDomainAxis().getLabel());
        assertEquals("reading", main.getRangeAxis().getLabel());
        assertEquals("Sensors", chart.getTitle().getText());
        assertEquals(List.of(120.0, 370.0), markerValues(main.getDomainMarkers(Layer.FOREGROUND)));
        assertEquals(List.of(120.0, 370.0), markerValues(lower.getDomainMarkers(Layer.FOREGROUND)));
        Collection<?> band = lower.getRangeMarkers(Layer.BACKGROUND);
        IntervalMarker interval = assertInstanceOf(IntervalMarker.class, band.iterator().next());
        assertEquals(0.7, interval.getStartValue());

        Pixels px = Pixels.render(chart, 800, 500);
        Rectangle2D area = px.dataArea(0);
        int redAtFirst = redAround(px, combined, 120, area);
        int redAtSecond = redAround(px, combined, 370, area);
        int left = Pixels.columnOf(main, combined.getDomainAxis(), 200, area);
        int right = Pixels.columnOf(main, combined.getDomainAxis(), 300, area);
        assertTrue(redAtFirst > area.getHeight() * 0.8, "red marker at x=120: " + redAtFirst + " pixels");
        assertTrue(redAtSecond > area.getHeight() * 0.8, "red marker at x=370: " + redAtSecond + " pixels");
        assertEquals(0, px.count(ChartStyle.ANOMALY, 40, left, right, area), "no red away from the anomalies");
        assertTrue(px.nonWhite(area) > 2000, "the channel lines are drawn");
        Rectangle2D scoreArea = px.dataArea(1);
        int bandTop = Pixels.rowOf(lower, 0.9, scoreArea);
        assertTrue(isOrangeTint(px.at((int) scoreArea.getCenterX() - 30, bandTop)), "threshold band is shaded: "
                + px.at((int) scoreArea.getCenterX() - 30, bandTop));
    }

    @Test
    void shouldDrawASinglePlotWithoutScores() {
        JFreeChart chart = TimeSeriesCharts.multichannel(new ChartText("S", "t", "v"), sensorChannels(),
                new double[] {50}, null, 0);

        XYPlot plot = chart.getXYPlot();
        assertEquals(3, plot.getDataset().getSeriesCount());
        assertEquals("t", plot.getDomainAxis().getLabel());
        assertEquals(List.of(50.0), markerValues(plot.getDomainMarkers(Layer.FOREGROUND)));
        Pixels px = Pixels.render(chart, 600, 300);
        Rectangle2D area = px.dataArea(-1);
        int col = Pixels.columnOf(plot, plot.getDomainAxis(), 50, area);
        assertTrue(px.count(ChartStyle.ANOMALY, 40, col - 2, col + 2, area) > area.getHeight() * 0.8);
    }

    @Test
    void shouldDashThePredictionLine() {
        Series actual = Series.indexed("actual", new double[] {1, 2, 3, 4});
        Series predicted = Series.indexed("predicted", new double[] {1.5, 2.5, 2.5, 3.5});

        JFreeChart chart = TimeSeriesCharts.predictionVsActual(new ChartText("P", "record", "y"), actual, predicted);

        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getDataset().getSeriesCount());
        assertEquals(2.5, plot.getDataset().getYValue(1, 2));
        BasicStroke stroke = (BasicStroke) ((XYLineAndShapeRenderer) plot.getRenderer()).getSeriesStroke(1);
        assertTrue(stroke.getDashArray() != null, "prediction is dashed");
        assertTrue(Pixels.render(chart, 400, 300).nonWhite(Pixels.render(chart, 400, 300).dataArea(-1)) > 200);
    }

    @Test
    void shouldDrawOneCurvePerMetric() {
        double[] batches = {1, 2, 3, 4, 5};
        JFreeChart chart = TimeSeriesCharts.metricCurves(new ChartText("Prequential", "batch", "error"), List.of(
                new Series("rmse", batches, new double[] {3, 2, 1.5, 1.2, 1.1}),
                new Series("mae", batches, new double[] {2, 1.5, 1, 0.9, 0.8})));

        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getDataset().getSeriesCount());
        assertEquals("batch", plot.getDomainAxis().getLabel());
        assertEquals("error", plot.getRangeAxis().getLabel());
        Pixels px = Pixels.render(chart, 500, 300);
        assertTrue(px.count((Color) ChartStyle.seriesPaint(0), 30, 0, 499, px.dataArea(-1)) > 50, "rmse line drawn");
        assertTrue(px.count((Color) ChartStyle.seriesPaint(1), 30, 0, 499, px.dataArea(-1)) > 50, "mae line drawn");
    }

    @Test
    void shouldDrawOneLinePerModelParameter() {
        double[][] values = {{0, 0, 0}, {0.5, -0.2, 0.1}, {0.9, -0.4, 0.15}};

        JFreeChart chart = TimeSeriesCharts.parameters(new ChartText("Weights", "batch", "value"),
                new double[] {1, 2, 3}, values, new String[] {"w0", "w1", "intercept"});

        XYPlot plot = chart.getXYPlot();
        assertEquals(3, plot.getDataset().getSeriesCount());
        assertEquals("intercept", plot.getDataset().getSeriesKey(2));
        assertEquals(-0.4, plot.getDataset().getYValue(1, 2));
        assertThrows(IllegalArgumentException.class, () -> TimeSeriesCharts.parameters(new ChartText("", "", ""),
                new double[] {1}, new double[][] {{1, 2}}, new String[] {"a"}));
    }

    @Test
    void shouldStackThroughputAboveLatency() {
        double[] b = {1, 2, 3};
        JFreeChart chart = TimeSeriesCharts.batchMetrics("Batches", b, new double[] {1e5, 2e5, 1.5e5},
                new double[] {10, 5, 7}, new double[] {12, 6, 9});

        CombinedDomainXYPlot plot = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
        assertEquals(2, plot.getSubplots().size());
        assertEquals(1, plot.getSubplots().get(0).getDataset().getSeriesCount());
        assertEquals(2, plot.getSubplots().get(1).getDataset().getSeriesCount());
        assertEquals("records/s", plot.getSubplots().get(0).getRangeAxis().getLabel());
        assertEquals("latency (ms)", plot.getSubplots().get(1).getRangeAxis().getLabel());
        Pixels px = Pixels.render(chart, 600, 400);
        assertTrue(px.nonWhite(px.dataArea(0)) > 100 && px.nonWhite(px.dataArea(1)) > 100);
    }

    private static int redAround(Pixels px, CombinedDomainXYPlot plot, double x, Rectangle2D area) {
        int col = Pixels.columnOf(plot, plot.getDomainAxis(), x, area);
        return px.count(ChartStyle.ANOMALY, 40, col - 2, col + 2, area);
    }

    private static boolean isOrangeTint(Color c) {
        return c.getRed() > 230 && c.getGreen() > 190 && c.getBlue() < 215 && c.getRed() - c.getBlue() > 40;
    }

    private static List<Double> markerValues(Collection<?> markers) {
        List<Double> values = new ArrayList<>();
        for (Object m : markers) {
            assertEquals(ChartStyle.ANOMALY, ((Marker) m).getPaint());
            values.add(((ValueMarker) m).getValue());
        }
        return values;
    }
}
