package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.source.GeneratedSource;

class CheckpointCommandTest {
    @TempDir
    Path dir;

    private Path checkpointed() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock()).withDefaultPartitions(2))
                .checkpoint(ckpt)) {
            var points = ssc.source(new GeneratedSource<>(5, 10, 40,
                    (i, r) -> new LabeledPoint(i % 2, DenseVector.wrap(new double[] {r.nextGaussian(), i % 3}))));
            points.mapToPair(p -> Pair.of(p.label(), 1L))
                    .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                    .foreachBatch((b, t) -> { });
            new StreamingKMeans(StreamingKMeans.Options.defaults().withK(2)).setRandomCenters(2, 0.0, 1)
                    .trainOn(points.map(LabeledPoint::features));
            ssc.start();
            ssc.awaitTermination();
        }
        return ckpt;
    }

    @Test
    void inspectShowsWhatTheCheckpointHolds() throws Exception {
        Path ckpt = checkpointed();
        CliRun r = CliRun.of("checkpoint", "inspect", ckpt.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("batch time: 4000 ms"), r.out());
        assertTrue(r.out().contains("checkpoint-0000000004000.ckpt") && r.out().contains("valid"), r.out());
        assertTrue(r.out().contains("source 0: offsets {0=40}"), r.out());
        assertTrue(r.out().contains("learner 0 StreamingKMeans"), r.out());
        assertTrue(r.out().contains("keys in 2 partitions"), r.out());
    }

    @Test
    void aDamagedCheckpointIsReportedAndTheOlderOneNamed() throws Exception {
        Path ckpt = checkpointed();
        Path newest = ckpt.resolve("checkpoint-0000000004000.ckpt");
        byte[] b = Files.readAllBytes(newest);
        b[40] ^= 1;
        Files.write(newest, b);
        CliRun r = CliRun.of("checkpoint", "inspect", ckpt.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("checkpoint-0000000004000.ckpt: INVALID") && r.out().contains("checksum"),
                r.out());
        assertTrue(r.out().contains("restart from: checkpoint-0000000003000.ckpt"), r.out());

        Files.write(ckpt.resolve("checkpoint-0000000003000.ckpt"), new byte[] {1, 2, 3});
        CliRun bad = CliRun.of("checkpoint", "inspect", ckpt.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("no usable checkpoint in " + ckpt), bad.err());
        assertTrue(!bad.err().contains("\tat "), bad.err());
    }
}
