package org.streamml.modelio.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormat;
import org.streamml.modelio.ModelIO;
import org.streamml.modelio.ModelJson;
import org.streamml.modelio.Provenance;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;

/**
 * A new model type added as one package (model, learner, codec) plus a services line and a golden
 * file: trained on a stream through the StreamingLearner contract, saved and loaded through ModelIO.
 */
class RunningMeanTest {

    @TempDir
    Path dir;

    @Test
    void shouldTrainOnAStreamAndCallTheListenerOncePerBatch() throws Exception {
        List<List<Vector>> input = List.of(List.of(Vectors.dense(1, 2), Vectors.dense(3, 4)),
                List.of(Vectors.dense(5, 6)));
        StreamingRunningMean learner = new StreamingRunningMean(2);
        List<Long> versions = new ArrayList<>();
        learner.onModel(m -> versions.add(m.version()));
        ManualClock clock = new ManualClock();
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withStopWhenInputsExhausted(false))) {
            DStream<Vector> stream = ssc.queueStream(new ConcurrentLinkedQueue<>(input));
            learner.trainOn(stream);
            Semaphore done = new Semaphore(0);
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    done.release();
                }
            });
            ssc.start();
            for (int i = 0; i < 2; i++) {
                clock.advance(1000);
                assertTrue(done.tryAcquire(30, TimeUnit.SECONDS), "batch " + (i + 1));
            }
        }

        assertArrayEquals(new double[] {3, 4}, learner.latestModel().mean());
        assertEquals(3.0, learner.latestModel().count());
        assertEquals(List.of(1L, 2L), versions);
    }

    @Test
    void shouldRoundTripThroughModelIoInJsonAndBinary() throws Exception {
        RunningMeanModel m = new RunningMeanModel(new double[] {0.1, -2.5e-300}, 7, 4, 4000);
        for (ModelFormat format : new ModelFormat[] {ModelFormat.JSON, ModelFormat.BINARY}) {
            Path p = dir.resolve("mean." + format.extension());
            ModelIO.save(m, p, format);
            assertEquals(m, ModelIO.load(p, RunningMeanModel.class), format.name());
        }
        assertEquals(new RunningMeanModel(m.mean(), 7, 0, RunningMeanModel.NO_BATCH), ModelJson.parse(ModelJson.toJson(m)));
    }

    @Test
    void shouldLoadItsGoldenFile() throws Exception {
        Path golden = Path.of(RunningMeanTest.class.getResource("/golden/v2/running-mean.json").toURI());
        ModelFile expected = new ModelFile(new RunningMeanModel(new double[] {1.5, -0.25}, 12, 3, 3000), Map.of(),
                new Provenance("StreamML 0.1.0-SNAPSHOT", "2026-12-03T10:00:00Z"));

        assertEquals(expected, ModelIO.read(golden));
        assertArrayEquals(Files.readAllBytes(golden),
                org.streamml.modelio.internal.Checksums.fromJson(ModelIO.encode(expected, ModelFormat.JSON)).content());
    }

    @Test
    void shouldSayPmmlHasNoFormForIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelIO.encode(
                ModelFile.of(new RunningMeanModel(new double[] {1}, 1, 1, 1000)), ModelFormat.PMML));
        assertTrue(e.getMessage().contains("PMML has no form for model type \"running-mean\""), e.getMessage());
    }
}
