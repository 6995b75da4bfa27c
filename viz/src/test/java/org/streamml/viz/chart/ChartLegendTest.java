package org.streamml.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.streamml.viz.live.LiveDriftChart;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.NabSeriesChart;

/** What charts draw as markers is named in their legends; heatmap rows follow the clusters. */
class ChartLegendTest {
    private static final ChartText TEXT = new ChartText("t", "x", "y");

    private static List<String> labels(JFreeChart chart) {
        assertNotNull(chart.getLegend(), "the chart has a legend");
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    @Test
    void anAnomalyChartNamesItsAlarmMarkers() {
        double[] x = {0, 1, 2, 3};
        JFreeChart withScore = TimeSeriesCharts.multichannel(TEXT, List.of(new Series("value", x, x)),
                new double[] {2}, new Series(TimeSeriesCharts.SCORE_SERIES, x, new double[] {0, 0, 1, 0}), 0.5);
        assertEquals(List.of("value", "anomaly score", "alarm"), labels(withScore));
        JFreeChart oneChannel = TimeSeriesCharts.multichannel(TEXT, List.of(new Series("value", x, x)),
                new double[] {2}, null, 0.5);
        assertEquals(List.of("value", "alarm"), labels(oneChannel), "a legend is added for the markers");
        JFreeChart quiet = TimeSeriesCharts.multichannel(TEXT, List.of(new Series("value", x, x)), new double[0],
                null, 0.5);
        assertEquals(null, quiet.getLegend(), "no alarm, no legend for one channel");
    }

    @Test
    void aNabChartNamesItsLabelledWindowsAndADriftChartItsDriftPointsAndDetections() {
        NabSeriesChart nab = new NabSeriesChart("s", TEXT, 0.5, 100, List.<double[]>of(new double[] {1, 2}));
        nab.append(0, 1, 0, false);
        nab.append(1, 2, 0.9, true);
        assertEquals(List.of("value", "anomaly score", "alarm", "NAB window (labelled)"), labels(nab.render()));

        LiveDriftChart drift = new LiveDriftChart("d", TEXT, List.of("plain", "adaptive"), new double[] {5}, 100);
        drift.append(1, 0.8, 0.9);
        drift.detection(6);
        JFreeChart chart = drift.render();
        assertEquals(List.of("plain", "adaptive", "true drift", "detection"), labels(chart));
        assertEquals(2, chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND).size());
    }

    @Test
    void aMetricChartHasItsOwnTitleAndALegendForOneCurve() {
        LiveLines ari = LiveLines.metrics("ari", "Adjusted Rand index per batch", List.of("adjusted Rand index"), 10);
        ari.append(1, 0.5);
        JFreeChart chart = ari.render();
        assertEquals("Adjusted Rand index per batch", chart.getTitle().getText());
        assertEquals(List.of("adjusted Rand index"), labels(chart));
        assertEquals("Prequential metrics", LiveLines.metrics("m", List.of("rmse"), 10).title());
    }

    @Test
    void theActivityHeatmapGroupsItsRowsByClusterWithALineBetweenClusters() {
        double[] times = {0, 1};
        // Neurons 0..3 with clusters 1, 0, 1, 0: rows become neurons 1, 3 (cluster 0), then 0, 2 (cluster 1).
        double[][] activity = {{10, 10}, {20, 20}, {30, 30}, {40, 40}};
        JFreeChart chart = NeuralCharts.activity(TEXT, times, activity, new int[] {1, 0, 1, 0});
        XYPlot heat = (XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
        XYZDataset data = (XYZDataset) heat.getDataset();
        double[] rowValue = new double[4];
        for (int i = 0; i < data.getItemCount(0); i++) {
            int row = (int) data.getYValue(0, i);
            rowValue[row] = data.getZValue(0, i);
        }
        assertEquals(List.of(20.0, 40.0, 10.0, 30.0), List.of(rowValue[0], rowValue[1], rowValue[2], rowValue[3]));
        var lines = heat.getRangeMarkers(Layer.FOREGROUND);
        assertEquals(1, lines.size(), "one boundary between two clusters");
        assertEquals(1.5, ((ValueMarker) lines.iterator().next()).getValue());
        assertEquals("y (grouped by cluster)", heat.getRangeAxis().getLabel());
    }
}
