package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.BundledData;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabPoint;
import org.streamml.ml.anomaly.AnomalyDetector;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.evaluation.nab.NabProfile;
import org.streamml.ml.evaluation.nab.NabResult;
import org.streamml.ml.evaluation.nab.NabScorer;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabWindow;

class SensorsDemoTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path charts;

    /** The first {@code rows} records of every shipped series scored by a detector without the engine. */
    private static List<NabResult> directScores(int rows) {
        List<NabSeries> corpus = new ArrayList<>();
        Map<String, List<NabWindow>> windows = new HashMap<>();
        for (String file : SensorsDemo.files()) {
            NabFile nab = BundledData.nab(file);
            List<NabPoint> points = new ArrayList<>();
            for (NabPoint p : nab) {
                if (points.size() < rows) {
                    points.add(p);
                }
            }
            AnomalyDetector detector = new StreamingAnomalyDetector(StreamingAnomalyDetector.Options.defaults());
            long[] ts = new long[points.size()];
            double[] scores = new double[points.size()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = points.get(i).timestamp();
                scores[i] = detector.score(ts[i], points.get(i).value());
            }
            corpus.add(new NabSeries("realKnownCause/" + file, ts, scores));
            windows.put("realKnownCause/" + file, nab.windows());
        }
        return new NabScorer(NabScorer.Options.defaults()).scoreAll(corpus, windows, NabProfile.all());
    }

    @Test
    void shouldScoreTheReplayedSeriesExactlyAsTheDetectorRunDirectlyOnTheFiles() throws Exception {
        DemoSettings settings = DemoSettings.defaults().withBatches(10).withChartsDir(charts);
        SensorsDemo.Result r = new SensorsDemo().execute(settings, new PrintWriter(new StringWriter()));

        assertEquals(7, r.series());
        assertEquals(10, r.batches());
        int rows = 10 * SensorsDemo.DEFAULT_ROWS_PER_BATCH;
        assertEquals(6 * rows + 1882, r.records(), "rogue_agent_key_hold has only 1882 rows");
        List<NabResult> direct = directScores(rows);
        for (int p = 0; p < direct.size(); p++) {
            assertEquals(direct.get(p).profile(), r.scores().get(p).profile());
            assertEquals(direct.get(p).threshold(), r.scores().get(p).threshold());
            assertEquals(direct.get(p).normalizedScore(), r.scores().get(p).normalizedScore());
        }
        for (String file : SensorsDemo.files()) {
            byte[] png = Files.readAllBytes(charts.resolve(file.replace(".csv", ".png")));
            assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(png, 4), file);
        }
    }

    @Test
    void shouldBeatTheNullDetectorOnTheWholeCorpusAndPrintTheNabTable() throws Exception {
        StringWriter text = new StringWriter();
        DemoSettings settings = DemoSettings.defaults().withBatches(new SensorsDemo().defaultBatches())
                .withChartsDir(charts);
        SensorsDemo.Result r = new SensorsDemo().execute(settings, new PrintWriter(new StringWriter()));
        SensorsDemo.printSummary(r, new PrintWriter(text));

        assertEquals(69_561, r.records());
        assertEquals(79, r.batches(), "the longest series, 22,695 rows, needs 79 batches of 288");
        NabResult standard = r.score(NabProfile.STANDARD);
        // The shipped detector scores 68.8 (the target is 60); a regression below 60 fails.
        assertTrue(standard.normalizedScore() > 60, () -> "standard NAB score " + standard.normalizedScore());
        assertTrue(r.score(NabProfile.REWARD_LOW_FN).normalizedScore() > standard.normalizedScore() - 20);
        assertTrue(standard.normalizedScore() <= 100);
        String out = text.toString();
        // The numbers README and ./streamml demo publish: scoring through AnomalyStreams must not move them.
        assertEquals(78, r.flagged());
        assertTrue(out.contains("  standard                68.78     0.5001\n"), out);
        assertTrue(out.contains("  reward_low_FP_rate      55.20     0.5001\n"), out);
        assertTrue(out.contains("  reward_low_FN_rate      75.68     0.5001\n"), out);
        assertTrue(out.contains("  nyc_taxi.csv" + " ".repeat(30) + "10320        5      5                7   +3.666"),
                out);
    }
}
