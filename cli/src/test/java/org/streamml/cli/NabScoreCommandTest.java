package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.io.NabTimestamps;
import picocli.CommandLine;

class NabScoreCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Whether the summary has the line {@code profile <spaces> rest}. */
    private static boolean summary(String text, String profile, String rest) {
        return java.util.regex.Pattern.compile("(?m)^  " + profile + " +" + java.util.regex.Pattern.quote(rest))
                .matcher(text).find();
    }

    private static final long T0 = NabTimestamps.parseMillis("2014-01-01 00:00:00");

    /** 100 rows a minute apart, one window over rows 40..49; score 1 on the {@code hits} rows. */
    private Path results(Path folder, String name, int... hits) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,value,anomaly_score,label");
        for (int i = 0; i < 100; i++) {
            boolean hit = false;
            for (int h : hits) {
                hit |= h == i;
            }
            lines.add(NabTimestamps.format(T0 + i * 60_000L) + ",1.0," + (hit ? "1.0,1" : "0.0,0"));
        }
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), lines);
    }

    private Path windows() throws Exception {
        return Files.writeString(dir.resolve("windows.json"), "{\"cat/f.csv\": [[\""
                + NabTimestamps.format(T0 + 40 * 60_000L) + ".000000\", \""
                + NabTimestamps.format(T0 + 49 * 60_000L) + ".000000\"]], \"cat/g.csv\": []}");
    }

    @Test
    void shouldScoreAPerfectDetectorHundredInEveryProfile() throws Exception {
        Path res = dir.resolve("results");
        results(res.resolve("cat"), "f.csv", 40);
        results(res.resolve("cat"), "mydetector_g.csv");

        assertEquals(0, run("nab-score", res.toString(), "--labels", windows().toString()));

        String text = out.toString();
        assertTrue(summary(text, "standard", "100.00   (threshold 1.0000)"), text);
        assertTrue(summary(text, "reward_low_FP_rate", "100.00"), text);
        assertTrue(summary(text, "reward_low_FN_rate", "100.00"), text);
        assertTrue(text.contains("cat/g.csv"), text);
    }

    @Test
    void shouldScoreAtAThresholdChosenElsewhere() throws Exception {
        Path res = dir.resolve("results");
        results(res.resolve("cat"), "f.csv", 40);
        results(res.resolve("cat"), "mydetector_g.csv");

        // a threshold above the detections' scores detects nothing: the null detector's 0
        assertEquals(0, run("nab-score", res.toString(), "--labels", windows().toString(), "--threshold", "1.5"));

        assertTrue(summary(out.toString(), "standard", "0.00   (threshold 1.5000)"), out.toString());
    }

    @Test
    void shouldScoreANullDetectorZero() throws Exception {
        Path res = dir.resolve("results");
        results(res, "f.csv");

        assertEquals(0, run("nab-score", res.toString(), "--labels", windows().toString()));

        assertTrue(summary(out.toString(), "standard", "0.00   (threshold none"), out.toString());
    }

    @Test
    void shouldSkipFilesWithoutWindowsAndSaySo() throws Exception {
        Path res = dir.resolve("results");
        results(res, "f.csv", 45);
        results(res, "unrelated.csv");

        assertEquals(0, run("nab-score", res.toString(), "--labels", windows().toString()));

        assertTrue(err.toString().contains("skipping " + res.resolve("unrelated.csv")), err.toString());
    }

    @Test
    void shouldRefuseTwoResultsFilesForOneSeriesNamingBoth() throws Exception {
        Path res = dir.resolve("results");
        Path a = results(res.resolve("run1"), "f.csv", 40);
        Path b = results(res.resolve("run2"), "f.csv", 41);

        assertEquals(1, run("nab-score", res.toString(), "--labels", windows().toString()));

        assertTrue(err.toString().contains("two results files") && err.toString().contains(a.toString())
                && err.toString().contains(b.toString()), err.toString());
        assertEquals("", out.toString(), "nothing is scored");
    }

    @Test
    void shouldRefuseDeeplyNestedLabelsWithAMessageNotAStackTrace() throws Exception {
        Path res = dir.resolve("results");
        results(res, "f.csv", 40);
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));

        assertEquals(1, run("nab-score", res.toString(), "--labels", deep.toString()));

        assertTrue(err.toString().contains("deep.json") && err.toString().contains("nesting"), err.toString());
        assertTrue(!err.toString().contains("\tat "), err.toString());
    }

    @Test
    void shouldNameTheLineOfABadScore() throws Exception {
        Path res = dir.resolve("results");
        Path f = results(res, "f.csv", 40);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(7, lines.get(7).replace(",0.0,0", ",high,0"));
        Files.write(f, lines);

        assertEquals(1, run("nab-score", res.toString(), "--labels", windows().toString()));

        assertTrue(err.toString().contains("line 8, column 3 (anomaly_score): 'high' is not a finite number"),
                err.toString());
    }

    @Test
    void shouldMatchResultsToTheBundledNabWindowsByFileName() throws Exception {
        Path res = dir.resolve("results");
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,value,anomaly_score,label");
        long t = NabTimestamps.parseMillis("2014-05-14 01:14:00");
        for (int i = 0; i < 18050; i++) {
            lines.add(NabTimestamps.format(t + i * 300_000L) + ",1,0,0");
        }
        Files.createDirectories(res);
        Files.write(res.resolve("cpu_utilization_asg_misconfiguration.csv"), lines);

        assertEquals(0, run("nab-score", res.toString()));

        assertTrue(out.toString().contains("realKnownCause/cpu_utilization_asg_misconfiguration.csv"), out.toString());
    }
}
