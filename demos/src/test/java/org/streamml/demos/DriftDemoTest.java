package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftDemoTest {
    @TempDir
    Path charts;

    private DemoSettings small() {
        return DemoSettings.defaults().withBatches(40).withRecordsPerSecond(500).withChartsDir(charts);
    }

    @Test
    void shouldNameEveryDetectorAndBeatThePlainModelOnAbruptDriftByAdapting() throws Exception {
        StringWriter text = new StringWriter();
        assertEquals(0, new DriftDemo().run(small(), new PrintWriter(text)));
        String table = text.toString();
        for (String detector : List.of("ADWIN", "DDM", "EDDM", "PageHinkley", "KSWIN")) {
            assertTrue(table.contains(detector + " raise-forgetting"), detector + " in\n" + table);
        }
        assertTrue(table.contains("SEA (abrupt)") && table.contains("rotating hyperplane (gradual)"), table);
        assertTrue(table.contains("false alarms/100k") && table.contains("mean delay"), table);
        assertTrue(Files.exists(charts.resolve("drift-sea-adwin.png")), "the SEA chart of ADWIN");
        assertTrue(Files.exists(charts.resolve("drift-hyperplane-kswin.png")), "the hyperplane chart of KSWIN");
    }

    @Test
    void shouldDetectSeaDriftsAndScoreHigherThanThePlainAndTheFixedForgettingModel() throws Exception {
        List<DriftDemo.StreamResult> results = new DriftDemo().execute(small(), new PrintWriter(Writer.NULL));
        DriftDemo.StreamResult sea = results.get(0);
        assertEquals(20_000, sea.records());
        assertEquals(7, sea.driftPoints().size());
        DriftDemo.Run adaptive = sea.run("ADWIN raise-forgetting");
        assertTrue(adaptive.accuracy() > sea.run("plain").accuracy(), adaptive + " vs plain");
        assertTrue(adaptive.accuracy() > sea.run("fixed forgetting 0.8").accuracy(), adaptive + " vs 0.8");
        assertTrue(adaptive.score().found() >= sea.driftPoints().size() / 2, "found " + adaptive.score());
    }

    @Test
    void shouldRefuseToCheckpoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DriftDemo()
                .execute(small().withCheckpoint(charts.resolve("ckpt")), new PrintWriter(Writer.NULL)));
        assertTrue(e.getMessage().contains("does not checkpoint"), e.getMessage());
    }

    @Test
    void shouldScoreDetectionsAgainstTheTrueDriftPoints() {
        DetectionScore s = DetectionScore.of(new long[] {50, 120, 130, 260, 400}, List.of(100L, 200L, 300L), 1000);
        // 120 finds 100 (delay 20), 260 finds 200 (delay 60), 400 finds 300 (delay 100); 50 and 130 are false alarms
        assertEquals(3, s.found());
        assertEquals(60.0, s.meanDelay(), 1e-12);
        assertEquals(2, s.falseAlarms());
        assertEquals(200.0, s.falseAlarmsPer100k(), 1e-9);
        assertTrue(Double.isNaN(DetectionScore.of(new long[] {5}, List.of(100L), 1000).meanDelay()));
    }

    /** A writer that drops everything. */
    private static final class Writer {
        static final java.io.Writer NULL = java.io.Writer.nullWriter();
    }
}
