package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.demos.Demos;
import picocli.CommandLine;

class DemoCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void shouldRunTheHashtagsDemoByNameAndEndWithASummary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "demo", "hashtags", "--duration", "12", "--rate", "20"));
        String text = out.toString();
        assertTrue(text.contains("window ending at 0:15"), text);
        assertTrue(!text.contains("window ending at 0:20"), "12 s of stream time are 3 batches: " + text);
        assertTrue(text.contains("Summary\n  batches: 3 of 5 s, tweets: 300,"), text);
    }

    @Test
    void shouldRunTheSensorsDemoByDefaultWithItsChartsWhereAsked(@TempDir Path charts) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "demo", "--batches", "2", "--rate", "1500", "--charts", charts.toString()));
        String text = out.toString();
        assertTrue(text.startsWith("Replaying 7 NAB realKnownCause series, 1500 records of each per batch"), text);
        assertTrue(text.contains("  series: 7, records: 19,882, batches: 2,"), text);
        assertTrue(text.contains("NAB scores, realKnownCause"), text);
        assertTrue(Files.isRegularFile(charts.resolve("nyc_taxi.png")), text);
    }

    @Test
    void shouldSayWhenTheReplayIsTooShortForANabScore(@TempDir Path charts) {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "demo", "sensors", "--batches", "1", "--rate", "100", "--charts",
                charts.toString()));
        assertTrue(out.toString().contains("  no NAB score: the records replayed hold no anomaly window after NAB's"
                + " probationary period; replay more batches"), out.toString());
    }

    @Test
    void shouldSayThatKeepServingAndTokenNeedADashboard() {
        StringWriter err = new StringWriter();
        assertEquals(1, run(new StringWriter(), err, "demo", "--keep-serving"));
        assertEquals("demo: error: --keep-serving and --token need --dashboard PORT", err.toString().trim());
    }

    @Test
    void shouldRejectABadDashboardPort() {
        StringWriter err = new StringWriter();
        assertEquals(1, run(new StringWriter(), err, "demo", "--dashboard", "70000"));
        assertEquals("demo: error: dashboard port must be -1 (none) or in [0, 65535]: 70000", err.toString().trim());
    }

    @Test
    void shouldRejectAnInvalidMasterNamingTheAcceptedForms() {
        StringWriter err = new StringWriter();
        assertEquals(1, run(new StringWriter(), err, "demo", "fraud", "--master", "local-cluster[two]"));
        assertEquals("demo: error: invalid master 'local-cluster[two]': expected local, local[N], local[*],"
                + " local-cluster[N], local-cluster[N,CORES] or cluster://HOST:PORT", err.toString().trim());
    }

    @Test
    void shouldListTheDemos() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "demo", "--list"));
        assertTrue(out.toString().startsWith("sensors    anomaly detection on the NAB"), out.toString());
        assertTrue(out.toString().contains("\nhashtags   top hashtags over a sliding window"), out.toString());
    }

    @Test
    void shouldNameTheKnownDemosForAnUnknownOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(out, err, "demo", "nope"));
        assertEquals("demo: error: unknown demo 'nope'; choose one of: " + String.join(", ", Demos.all().keySet()), err.toString().trim());
    }
}
