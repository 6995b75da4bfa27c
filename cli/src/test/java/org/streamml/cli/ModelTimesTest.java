package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.Model;

class ModelTimesTest {
    @Test
    void shouldPrintALogicalTimeAsTheBatchItNames() {
        assertEquals("batch 12 (logical time 12.0 s from the stream's start)",
                ModelTimes.lastBatch(12_000, Map.of("clock", "logical", "batch-interval-ms", "1000")));
        assertEquals("logical time 1.5 s from the stream's start", ModelTimes.lastBatch(1_500, Map.of()));
    }

    @Test
    void shouldPrintAWallClockTimeAsAnIsoInstant() {
        long t = java.time.Instant.parse("2026-12-04T22:41:00Z").toEpochMilli();
        assertEquals("2026-12-04T22:41:00Z", ModelTimes.lastBatch(t, Map.of()));
        assertEquals("2026-12-04T22:41:00Z", ModelTimes.lastBatch(t, Map.of("clock", "wall")));
        // the file's word wins over the value: a wall clock set to 1970 is still a wall clock
        assertEquals("1970-01-01T00:00:12Z", ModelTimes.lastBatch(12_000, Map.of("clock", "wall")));
        assertEquals("none", ModelTimes.lastBatch(Model.NO_BATCH, Map.of()));
    }

    @Test
    void shouldShowTheLastBatchOfATrainedModelAsABatchNotA1970Date(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("d.csv"), "y,x\n3,1\n5,2\n7,3\n9,4\n");
        Path model = dir.resolve("m.json");
        assertEquals(0, CliRun.of("train", "-a", "linreg", "-i", in.toString(), "-o", model.toString(),
                "--batch-size", "2", "-q").status());
        CliRun inspect = CliRun.of("model", "inspect", model.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("last batch:      batch 2 (logical time 2.0 s from the stream's start)"),
                inspect.out());
        assertTrue(!inspect.out().contains("1970"), inspect.out());
    }
}
