package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code streamml bench} on a small size: every workload gets a row with figures, a saved run reads back
 * and is put beside the next one, and bad options and saved files fail naming what is wrong. The figures
 * themselves are not checked against targets here (speed is the benchmark's business, not a test's).
 */
class BenchCommandTest {
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

    @Test
    void everyWorkloadGetsARowAndASavedRunIsPutBesideTheNext() throws Exception {
        Path saved = dir.resolve("run.tsv");
        assertEquals(0, run("bench", "--rows", "3000", "--batch", "1000", "--rounds", "2", "--warmup", "0",
                "--save", saved.toString()), err::toString);
        String table = out.toString();
        assertTrue(table.contains("machine: "), table);
        java.util.regex.Matcher limits = java.util.regex.Pattern.compile(
                "limits: memory bandwidth ([0-9.]+) GB/s .*, ([0-9.]+) GFLOP/s .*: ([0-9.]+) M rec/s").matcher(table);
        assertTrue(limits.find(), table);
        for (int g = 1; g <= 3; g++) {
            assertTrue(Double.parseDouble(limits.group(g)) > 0, table);
        }
        assertTrue(table.contains("of 1 pass"), table);
        for (String w : BenchCommand.WORKLOADS) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(w + " ")), w + " missing in\n" + table);
        }
        Map<String, BenchCommand.Result> read = BenchCommand.readSaved(saved);
        assertEquals(BenchCommand.WORKLOADS, List.copyOf(read.keySet()));
        for (BenchCommand.Result r : read.values()) {
            assertTrue(r.median() > 0 && r.min() <= r.median() && r.median() <= r.max(), r.toString());
            assertTrue(r.p50Millis() <= r.p99Millis(), r.toString());
        }

        out.getBuffer().setLength(0);
        assertEquals(0, run("bench", "--rows", "2000", "--batch", "1000", "--rounds", "1", "--skip-limits", "--only", "linreg,detector",
                "--compare", saved.toString()), err::toString);
        String compared = out.toString();
        assertTrue(compared.contains("saved median"), compared);
        assertTrue(compared.lines().filter(l -> l.startsWith("linreg ") || l.startsWith("detector "))
                .allMatch(l -> l.trim().endsWith("x")), compared);
        assertFalse(compared.lines().anyMatch(l -> l.startsWith("kmeans ")), compared);
        assertFalse(compared.contains("limits:"), compared);
    }

    @Test
    void theSummaryTakesTheMedianRoundAndNearestRankPercentiles() {
        BenchCommand b = new BenchCommand();
        b.rounds = 3;
        b.warmup = 1;
        // one warm-up round of 2 batches, then rounds of 2 batches: 2+2 ms, 1+1 ms, 4+4 ms for 1000 records
        long ms = 1_000_000L;
        BenchCommand.Result r = b.summarize("x", "rec/s", new long[] {9 * ms, 9 * ms, 2 * ms, 2 * ms, ms, ms,
            4 * ms, 4 * ms}, 2, 1000);
        assertEquals(250_000, r.median(), 1e-6);
        assertEquals(125_000, r.min(), 1e-6);
        assertEquals(500_000, r.max(), 1e-6);
        assertEquals(2.0, r.p50Millis(), 1e-12);
        assertEquals(4.0, r.p99Millis(), 1e-12);
        assertEquals(9.0, r.firstMillis(), 1e-12);
        // 8.8 GB/s a thread, 2 threads, rows of 10 features and a label (88 bytes): 200 M records a second
        assertEquals(2e8, new MachineLimits(8.8e9, 1e10).onePassRecordsPerSecond(10, 2), 1e-3);
        String table = BenchCommand.table(List.of(r), Map.of(), 1e6);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("x ") && l.endsWith(" -")), table);
    }

    @Test
    void badOptionsAndForeignSavedFilesFailNamingTheProblem() throws Exception {
        assertEquals(2, run("bench", "--only", "kmeans,svm"));
        assertTrue(err.toString().contains("unknown workload 'svm'"), err.toString());
        assertEquals(2, run("bench", "--batch", "0"));
        assertTrue(err.toString().contains("--batch must be positive: 0"), err.toString());
        Path foreign = Files.writeString(dir.resolve("foreign.tsv"), "hello\n");
        assertEquals(1, run("bench", "--only", "detector", "--rows", "100", "--compare", foreign.toString()));
        assertTrue(err.toString().contains(foreign + " line 1: not a file written by streamml bench --save"),
                err.toString());
        Path broken = Files.writeString(dir.resolve("broken.tsv"), BenchCommand.HEADER
                + "\nlinreg\trec/s\tfast\t1\t2\t0.1\t0.2\t3\n");
        assertEquals(1, run("bench", "--only", "detector", "--rows", "100", "--compare", broken.toString()));
        assertTrue(err.toString().contains(broken + " line 2, field 3: 'fast' is not a number"), err.toString());
    }
}
