package org.streamml.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveClusters;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveNeural;
import org.streamml.viz.live.LiveTimeSeries;

class ChartSinksTest {
    /** Kept after the run so that people can look at the charts (under target/, so `mvn clean` removes it). */
    private static final Path SNAPSHOTS = Path.of("target", "chart-snapshots");
    private static final int BATCHES = 12;

    @Test
    void shouldWriteSnapshotsOfEveryLiveChartTypeFedByAStream() throws Exception {
        deleteTree(SNAPSHOTS);
        Random random = new Random(5);
        Queue<List<double[]>> queue = new ConcurrentLinkedQueue<>();
        for (int b = 0; b < BATCHES; b++) {
            List<double[]> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int c = i % 3;
                batch.add(new double[] {4 * c + random.nextGaussian(), 3 * (c % 2) + random.nextGaussian(),
                    random.nextGaussian()});
            }
            queue.add(batch);
        }
        ManualClock clock = new ManualClock();
        try (ChartSinks sinks = ChartSinks.open(VizOptions.defaults().withChartsDir(SNAPSHOTS).withSnapshotEvery(5)
                .withSize(720, 360));
             StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                     .withBatchInterval(Duration.ofMillis(100)).withClock(clock).withThreads(1))) {
            DStream<double[]> points = ssc.queueStream(queue);
            sinks.attachBatchMetrics(ssc);
            LiveTimeSeries sensors = sinks.add(new LiveTimeSeries("sensors",
                    new ChartText("Sensors", "record", "reading"), List.of("x0", "x1", "x2"), 2.5, 2000));
            long[] index = new long[1];
            sensors.attach(points, (batch, time) -> {
                for (double[] p : batch.collect()) {
                    double score = Math.abs(p[2]);
                    sensors.append(index[0]++, p, score, score > 2.5);
                }
            });
            LiveClusters clusters = sinks.add(new LiveClusters("clusters", 3, 3, null, 300, 50));
            clusters.attachPoints(points, p -> p);
            LiveLines predictions = sinks.add(LiveLines.predictions("predictions", 500));
            long[] n = new long[1];
            predictions.attach(points, (batch, time) -> {
                for (double[] p : batch.collect()) {
                    predictions.append(n[0]++, p[0], 0.9 * p[0] + 0.1);
                }
            });
            LiveNeural neural = sinks.add(new LiveNeural("neural", new ChartText("Neurons", "batch", "neuron"), 3,
                    100));
            neural.attach(points, (batch, time) -> neural.append(time.millis() / 100.0, batch.collect().get(0)));
            neural.setClusters(new int[] {0, 1, 1});
            var weights = sinks.modelParameters("weights");
            LiveLines metrics = sinks.add(LiveLines.metrics("metrics", List.of("rmse", "mae"), 500));
            ssc.start();
            for (int b = 1; b <= BATCHES; b++) {
                clock.advance(100);
                assertTrue(ssc.awaitBatch(Time.ofMillis(100L * b), 5000));
                double[][] centers = {{b * 0.3, 0, 0}, {4, 3 - b * 0.1, 0}, {8, 0, b * 0.05}};
                clusters.accept(new KMeansModel(centers, new double[] {1, 1, 1}, b, 100L * b));
                weights.accept(new LinearRegressionModel(new double[] {1 - 1.0 / b, 0.5 / b}, 0.1 * b, b, 100L * b));
                metrics.append(b, 1.0 / b, 0.7 / b);
                metrics.publish();
            }
            assertEquals(7, sinks.charts().size());
        }

        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("batches.png", "batches.svg", "clusters.png", "clusters.svg", "metrics.png",
                    "metrics.svg", "neural.png", "neural.svg", "predictions.png", "predictions.svg", "sensors.png",
                    "sensors.svg", "weights.png", "weights.svg"), names);
        }
        for (String chart : List.of("batches", "clusters", "metrics", "neural", "predictions", "sensors", "weights")) {
            BufferedImage image = ImageIO.read(SNAPSHOTS.resolve(chart + ".png").toFile());
            assertEquals(720, image.getWidth(), chart);
            assertTrue(colours(image) > 20, chart + " is not blank");
        }
    }

    @Test
    void shouldOpenNothingWhenNoSinkIsAsked() {
        try (ChartSinks sinks = ChartSinks.open(-1, null)) {
            assertTrue(sinks.dashboardUri().isEmpty());
            LiveLines chart = sinks.add(LiveLines.metrics("m", List.of("m"), 10));
            chart.append(1, 1.0);
            chart.publish();
            assertEquals(1, chart.version());
        }
    }

    @Test
    void shouldSayWhyTheDesktopNeedsADisplay() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartSinks.open(VizOptions.defaults().withDesktop(true)));
        assertTrue(e.getMessage().contains("needs a display"), e.getMessage());
    }

    @Test
    void shouldValidateOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VizOptions.defaults().withDashboardPort(70000));
        assertEquals("dashboard port must be -1 (none) or in [0, 65535]: 70000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VizOptions.defaults().withHistory(0));
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
