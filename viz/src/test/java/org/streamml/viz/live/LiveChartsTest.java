package org.streamml.viz.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.ClusterCharts;

class LiveChartsTest {

    @Test
    void shouldAppendOnePointPerBatchOfAStreamAndPublishIt() throws Exception {
        ManualClock clock = new ManualClock();
        Queue<List<Double>> queue = new ConcurrentLinkedQueue<>(List.of(List.of(1.0, 2.0), List.of(3.0),
                List.of(4.0, 5.0, 6.0)));
        LiveLines sums = LiveLines.metrics("sums", List.of("sum"), 100);
        List<Long> published = new CopyOnWriteArrayList<>();
        sums.addListener(c -> published.add(c.version()));
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofMillis(100)).withClock(clock).withThreads(1).withDefaultPartitions(2))) {
            DStream<Double> numbers = ssc.queueStream(queue);
            sums.attachPerBatch(numbers, b -> new double[] {b.aggregate(() -> new double[1],
                    (acc, x) -> { acc[0] += x; return acc; }, (a, c) -> { a[0] += c[0]; return a; })[0]});
            ssc.start();
            for (int i = 1; i <= 3; i++) {
                clock.advance(100);
                assertTrue(ssc.awaitBatch(Time.ofMillis(100L * i), 5000));
            }
        }
        assertTrue(sums.awaitIdle(5000));

        assertEquals(List.of(1L, 2L, 3L), published);
        XYDataset data = sums.render().getXYPlot().getDataset();
        assertEquals(3, data.getItemCount(0));
        assertEquals(3.0, data.getYValue(0, 0));
        assertEquals(15.0, data.getYValue(0, 2));
        assertEquals(3.0, data.getXValue(0, 2), "x is the batch number");
    }

    @Test
    void shouldDropAnomalyMarkersThatLeftTheHistoryWindow() {
        LiveTimeSeries chart = new LiveTimeSeries("sensors", new ChartText("Sensors", "t", "v"), List.of("a", "b"),
                0.5, 10);
        for (int i = 0; i < 20; i++) {
            chart.append(i, new double[] {i, -i}, i == 3 ? 0.9 : 0.1, i == 3 || i == 15);
        }

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.render().getPlot();

        XYPlot main = plot.getSubplots().get(0);
        assertEquals(10, main.getDataset().getItemCount(0));
        assertEquals(10.0, main.getDataset().getXValue(0, 0));
        List<Double> marks = new ArrayList<>();
        for (Object m : main.getDomainMarkers(Layer.FOREGROUND)) {
            marks.add(((ValueMarker) m).getValue());
        }
        assertEquals(List.of(15.0), marks);
        assertEquals(20, chart.appended());
    }

    @Test
    void shouldDrawAPlainPlotUntilScoresArrive() {
        LiveTimeSeries chart = new LiveTimeSeries("s", new ChartText("S", "t", "v"), List.of("a"), 0.5, 10);
        chart.append(0, new double[] {1}, false);

        assertTrue(!(chart.render().getPlot() instanceof CombinedDomainXYPlot));
    }

    @Test
    void shouldChartEveryWeightAndTheInterceptPerModelVersion() {
        LiveModelParameters chart = new LiveModelParameters("weights", 24, 100);
        for (int v = 1; v <= 3; v++) {
            chart.accept(new LinearRegressionModel(new double[] {v, 2 * v}, -v, v, 1000L * v));
        }

        XYDataset data = chart.render().getXYPlot().getDataset();

        assertEquals(3, data.getSeriesCount());
        assertEquals("intercept", data.getSeriesKey(2));
        assertEquals(6.0, data.getYValue(1, 2));
        assertEquals(-3.0, data.getYValue(2, 2));
        assertEquals(3, chart.version());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.accept(new LogisticRegressionModel(new double[] {1}, 0)));
        assertTrue(e.getMessage().contains("linear-regression models with 3 parameters"), e.getMessage());
    }

    @Test
    void shouldLimitTheLinesDrawnButKeepEveryParameter() {
        LiveModelParameters chart = new LiveModelParameters("centers", 4, 10);
        chart.accept(new KMeansModel(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {1, 1}, 1, 0));

        XYDataset data = chart.render().getXYPlot().getDataset();

        assertEquals(4, data.getSeriesCount());
        assertEquals("center 1[0]", data.getSeriesKey(3));
        assertEquals(4.0, data.getYValue(3, 0));
    }

    @Test
    void shouldColourPointsByTheNearestCurrentCenterAndTraceTheCenters() {
        LiveClusters chart = new LiveClusters("clusters", 2, 3, null, 100, 50);
        for (int i = 0; i < 40; i++) {
            double base = i % 4 == 0 ? 10 : 0;
            chart.addPoint(new double[] {base + 0.01 * i, base - 0.02 * i, base});
        }
        chart.accept(new KMeansModel(new double[][] {{1, 1, 1}, {9, 9, 9}}, new double[] {1, 1}, 1, 0));
        chart.accept(new KMeansModel(new double[][] {{0, 0, 0}, {10, 10, 10}}, new double[] {30, 10}, 2, 0));

        JFreeChart jfc = chart.render();

        XYPlot plot = jfc.getXYPlot();
        assertEquals(ClusterCharts.CENTERS_SERIES, plot.getDataset(0).getSeriesKey(0));
        assertEquals(2, plot.getDataset(0).getItemCount(0));
        assertEquals(2, plot.getDataset(1).getItemCount(1), "each center has moved twice");
        assertEquals(30, plot.getDataset(2).getItemCount(0));
        assertEquals(10, plot.getDataset(2).getItemCount(1));
        assertEquals("PC1", plot.getDomainAxis().getLabel());
        assertThrows(IllegalArgumentException.class,
                () -> chart.accept(new KMeansModel(new double[][] {{1, 1}}, new double[] {1}, 3, 0)));
    }

    @Test
    void shouldTurnBatchInfoIntoThroughputAndLatency() {
        LiveBatchMetrics chart = new LiveBatchMetrics("batches", 100);
        chart.onBatchCompleted(new BatchInfo(Time.ofMillis(1000), 5000, 3, 50_000_000L, 53));
        chart.onBatchCompleted(new BatchInfo(Time.ofMillis(2000), 1000, 0, 20_000_000L, 20));

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.render().getPlot();

        XYDataset throughput = plot.getSubplots().get(0).getDataset();
        XYDataset latency = plot.getSubplots().get(1).getDataset();
        assertEquals(100_000.0, throughput.getYValue(0, 0), 1e-6);
        assertEquals(50_000.0, throughput.getYValue(0, 1), 1e-6);
        assertEquals(50.0, latency.getYValue(0, 0), 1e-9);
        assertEquals(53.0, latency.getYValue(1, 0), 1e-9);
        assertEquals(2, chart.version());
    }

    @Test
    void shouldAverageNeuronsByTheClustersSet() {
        LiveNeural chart = new LiveNeural("brain", new ChartText("Brain", "time", "neuron"), 4, 50);
        for (int t = 0; t < 10; t++) {
            chart.append(t, new double[] {1, 3, t, t});
        }
        chart.setClusters(new int[] {0, 0, 1, 1});

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.render().getPlot();

        XYDataset means = plot.getSubplots().get(1).getDataset();
        assertEquals(2, means.getSeriesCount());
        assertEquals(2.0, means.getYValue(0, 5));
        assertEquals(5.0, means.getYValue(1, 5));
        assertEquals(40, plot.getSubplots().get(0).getDataset().getItemCount(0), "4 neurons x 10 steps");
        assertThrows(IllegalArgumentException.class, () -> chart.setClusters(new int[] {0}));
    }

    @Test
    void shouldRejectNamesThatCannotBeFileOrUrlNames() {
        assertThrows(IllegalArgumentException.class, () -> LiveLines.metrics("../x", List.of("a"), 10));
        assertThrows(IllegalArgumentException.class, () -> LiveLines.metrics("a b", List.of("a"), 10));
        assertArrayEquals(new String[] {"ok-name_1.2"}, new String[] {LiveLines.metrics("ok-name_1.2", List.of("a"), 1)
                .name()});
    }
}
