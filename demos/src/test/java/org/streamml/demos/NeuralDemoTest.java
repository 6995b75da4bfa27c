package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.generators.NeuralSample;
import org.streamml.ml.evaluation.AdjustedRandIndex;

class NeuralDemoTest {
    @TempDir
    Path charts;

    private static NeuralSample sample(long frame, double f) {
        return new NeuralSample(frame, 3, 1, 0, 0, f);
    }

    @Test
    void shouldSlideTheWindowInFrameOrderAndNormaliseTheProfile() {
        Optional<NeuronWindow> w = NeuronWindow.slide(List.of(sample(1, 4), sample(0, 2)), Optional.empty(), 3);
        assertEquals(2, w.orElseThrow().frames());
        assertTrue(!w.orElseThrow().full());
        w = NeuronWindow.slide(List.of(sample(2, 6), sample(3, 8)), w, 3);
        // Frames 1..3 hold 4, 6, 8: minus the mean 6 and over the norm sqrt(8).
        double r = Math.sqrt(8);
        assertArrayEquals(new double[] {-2 / r, 0, 2 / r}, w.orElseThrow().profile(), 1e-15);
        assertTrue(w.orElseThrow().full());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NeuronWindow.slide(List.of(sample(9, 1)), Optional.of(new NeuronWindow(4, new double[3])), 3));
        assertEquals("neuron 3: frame 9 arrived while frame 4 was expected", e.getMessage());
    }

    @Test
    void shouldRecoverTheTrueGroupsOnceTheProfilesSpanAStimulusCycle() throws Exception {
        StringWriter text = new StringWriter();
        DemoSettings settings = DemoSettings.defaults().withBatches(34).withChartsDir(charts);
        NeuralDemo.Result r = new NeuralDemo().execute(settings, new PrintWriter(text));

        assertEquals(34, r.batches());
        assertEquals(34 * 10 * 60, r.records());
        assertEquals(240, r.windowFrames(), "4 groups x (30 rest + 30 stimulus frames)");
        assertEquals(24, r.firstClusteredBatch(), "240 frames at 10 per batch fill the windows at batch 24");
        assertEquals(11, r.ariByBatch().size());
        double mean = r.ariByBatch().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(mean > 0.85, () -> "mean adjusted Rand index " + r.ariByBatch());
        assertEquals(AdjustedRandIndex.of(r.clusters(), r.groups()), r.finalAri());
        assertTrue(text.toString().contains(String.format("batch  24  t= 24.0 s  adjusted Rand index %.3f",
                r.ariByBatch().get(0))), text.toString());
        assertTrue(Files.size(charts.resolve("neural-activity.png")) > 0);
        assertTrue(Files.size(charts.resolve("neural-ari.png")) > 0);
    }

    @Test
    void shouldNotDependOnThePartitionCount() throws Exception {
        DemoSettings settings = DemoSettings.defaults().withBatches(27).withChartsDir(charts);
        NeuralDemo.Result one = new NeuralDemo().execute(settings.withPartitions(1),
                new PrintWriter(new StringWriter()));
        NeuralDemo.Result five = new NeuralDemo().execute(settings.withPartitions(5),
                new PrintWriter(new StringWriter()));
        assertEquals(one.ariByBatch(), five.ariByBatch());
        assertArrayEquals(one.clusters(), five.clusters());
    }

    @Test
    void shouldSayWhenTheRecordingIsTooShortToCluster() throws Exception {
        StringWriter text = new StringWriter();
        assertEquals(0, new NeuralDemo().run(DemoSettings.defaults().withBatches(5).withChartsDir(charts),
                new PrintWriter(text)));
        assertTrue(text.toString().contains("  no clustering yet: the profiles need 240 frames; run more batches"),
                text.toString());
    }
}
