package org.streamml.streaming.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MLlib comparison at a small size, on its real standalone cluster: every engine finishes every batch, the
 * four engines' final models agree for each learner (they did the same work: Spark's defaults, the same
 * batches, the same initial model), and the table names each engine. Its speed is the benchmark's business,
 * not this test's.
 */
class MllibComparisonTest {

    @Test
    void everyEngineTrainsTheSameModelsOnTheSameBatches() throws Exception {
        MllibComparison.Settings settings = new MllibComparison.Settings(3, 600, 4, 3, 2, 2, 1, 5);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        List<MllibComparison.Row> rows = MllibComparison.run(settings, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertEquals(12, rows.size());
        for (String learner : List.of("linreg", "logreg", "kmeans")) {
            List<MllibComparison.Row> of = rows.stream().filter(r -> r.learner().equals(learner)).toList();
            assertEquals(List.of("MLlib", "MLlib, batches cached", "StreamML on Spark", "StreamML local[2]"),
                    of.stream().map(MllibComparison.Row::engine).toList());
            double[] mllib = of.get(0).model();
            assertEquals(learner.equals("kmeans") ? 3 * 4 : 4 + 1, mllib.length);
            for (MllibComparison.Row r : of) {
                assertEquals(2 * 600, r.records(), r.engine());         // 3 batches, the first left out
                assertTrue(r.recordsPerSecond() > 0 && r.medianMillis() > 0, r.toString());
                for (int i = 0; i < mllib.length; i++) {
                    assertEquals(mllib[i], r.model()[i], 1e-9 * Math.max(1, Math.abs(mllib[i])),
                            learner + " " + r.engine() + " parameter " + i);
                }
            }
            if (!learner.equals("kmeans")) {
                assertTrue(of.get(0).jobsPerBatch() >= 50, "MLlib runs a job per gradient iteration: " + of.get(0));
            }
        }
        String text = table.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("StreamML vs Spark MLlib 4.2.0") && text.contains("StreamML on Spark"), text);
    }
}
