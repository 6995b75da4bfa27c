package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every demo run with {@code local-cluster[2]} (two worker processes) finds and prints exactly what it finds
 * in the default local mode: the records, functions and results that travel to the workers are registered
 * and nothing depends on where the tasks run.
 */
@Tag("slow")
class DemosOnClusterTest {
    private static final String CLUSTER = "local-cluster[2]";
    private static final Logger CLUSTER_LOG = Logger.getLogger("org.streamml.streaming.cluster");

    @TempDir
    Path charts;

    private final Joins joins = new Joins();
    private boolean parentHandlers;

    /** Counts the workers that join; keeps the driver's log lines out of the test output. */
    private static final class Joins extends Handler {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            lines.add(r.getMessage());
        }

        synchronized long count() {
            return lines.stream().filter(l -> l.contains("joined")).count();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void captureClusterLog() {
        parentHandlers = CLUSTER_LOG.getUseParentHandlers();
        CLUSTER_LOG.setUseParentHandlers(false);
        CLUSTER_LOG.setLevel(Level.INFO);
        CLUSTER_LOG.addHandler(joins);
    }

    @AfterEach
    void restoreClusterLog() {
        CLUSTER_LOG.removeHandler(joins);
        CLUSTER_LOG.setUseParentHandlers(parentHandlers);
    }

    /** The printed text without the lines that hold wall-clock timings. */
    private static String withoutTimings(StringWriter text) {
        return text.toString().lines().filter(l -> !l.contains("processing:")).reduce("", (a, l) -> a + l + "\n");
    }

    @Test
    void shouldScoreTheSensorsAlikeOnALocalCluster() throws Exception {
        DemoSettings settings = DemoSettings.defaults().withBatches(2).withRecordsPerSecond(1500)
                .withChartsDir(charts);
        StringWriter localText = new StringWriter();
        SensorsDemo.Result local = new SensorsDemo().execute(settings, new PrintWriter(localText));
        SensorsDemo.printSummary(local, new PrintWriter(localText));
        StringWriter clusterText = new StringWriter();
        SensorsDemo.Result cluster = new SensorsDemo().execute(settings.withMaster(CLUSTER),
                new PrintWriter(clusterText));
        SensorsDemo.printSummary(cluster, new PrintWriter(clusterText));

        assertEquals(2, joins.count(), "two workers joined");
        assertFalse(local.scores().isEmpty(), "two batches of 1,500 rows reach a scored window");
        assertEquals(local.scores(), cluster.scores());
        assertEquals(19_882, cluster.records());
        assertEquals(local.flagged(), cluster.flagged());
        assertEquals(local.batches(), cluster.batches());
        assertEquals(withoutTimings(localText), withoutTimings(clusterText));
    }

    @Test
    void shouldScoreAndTrainTheFraudModelsAlikeOnALocalCluster() throws Exception {
        DemoSettings settings = DemoSettings.defaults().withBatches(2).withRecordsPerSecond(2_000)
                .withPartitions(3).withChartsDir(charts);
        StringWriter localText = new StringWriter();
        FraudDemo.Result local = new FraudDemo().execute(settings, new PrintWriter(localText));
        StringWriter clusterText = new StringWriter();
        FraudDemo.Result cluster = new FraudDemo().execute(settings.withMaster(CLUSTER),
                new PrintWriter(clusterText));

        assertEquals(2, joins.count(), "two workers joined");
        assertEquals(local.online(), cluster.online());
        assertEquals(local.frozen(), cluster.frozen());
        assertEquals(local.adaptive(), cluster.adaptive());
        assertEquals(local.onlineTotal(), cluster.onlineTotal());
        assertEquals(local.detections(), cluster.detections());
        assertEquals(4_000, cluster.transactions());
        assertEquals(2, cluster.finalModel().version(), "one update per batch");
        assertEquals(local.finalModel(), cluster.finalModel());
        assertEquals(localText.toString(), clusterText.toString());
    }

    @Test
    void shouldClusterTheNeuronsAlikeOnALocalCluster() throws Exception {
        // Profiles span 24 s of frames: batch 24 is the first to cluster.
        DemoSettings settings = DemoSettings.defaults().withBatches(25).withPartitions(3).withChartsDir(charts);
        StringWriter localText = new StringWriter();
        NeuralDemo.Result local = new NeuralDemo().execute(settings, new PrintWriter(localText));
        StringWriter clusterText = new StringWriter();
        NeuralDemo.Result cluster = new NeuralDemo().execute(settings.withMaster(CLUSTER),
                new PrintWriter(clusterText));

        assertEquals(2, joins.count(), "two workers joined");
        assertEquals(2, cluster.ariByBatch().size());
        assertEquals(local.ariByBatch(), cluster.ariByBatch());
        assertEquals(24, cluster.firstClusteredBatch());
        assertArrayEquals(local.clusters(), cluster.clusters());
        assertEquals(local.records(), cluster.records());
        assertEquals(localText.toString(), clusterText.toString());
    }

    @Test
    void shouldPrintTheSameHashtagsAndMoodsWithMasterLocalCluster() throws Exception {
        DemoSettings settings = DemoSettings.defaults().withDurationSeconds(15).withRecordsPerSecond(20)
                .withPartitions(3).withChartsDir(charts);
        StringWriter local = new StringWriter();
        assertEquals(0, Demos.named("hashtags").run(settings, new PrintWriter(local, true)));
        StringWriter cluster = new StringWriter();
        assertEquals(0, Demos.named("hashtags").run(settings.withMaster(CLUSTER), new PrintWriter(cluster, true)));

        assertEquals(2, joins.count(), "two workers joined");
        assertTrue(cluster.toString().contains("window ending at 0:15"), cluster.toString());
        assertTrue(cluster.toString().contains("  mood by country (users, total, mean):\n    BR "), cluster.toString());
        assertEquals(withoutTimings(local), withoutTimings(cluster));
    }
}
