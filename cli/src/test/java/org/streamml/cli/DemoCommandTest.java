package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
    void shouldRunTheHashtagsDemoByDefaultAndEndWithASummary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "demo", "--duration", "12", "--rate", "20"));
        String text = out.toString();
        assertTrue(text.contains("window ending at 0:15"), text);
        assertTrue(!text.contains("window ending at 0:20"), "12 s of stream time are 3 batches: " + text);
        assertTrue(text.contains("Summary\n  batches: 3 of 5 s, tweets: 300,"), text);
    }

    @Test
    void shouldListTheDemos() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "demo", "--list"));
        assertTrue(out.toString().startsWith("hashtags   top hashtags over a sliding window"), out.toString());
    }

    @Test
    void shouldNameTheKnownDemosForAnUnknownOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(out, err, "demo", "nope"));
        assertEquals("demo: error: unknown demo 'nope'; choose one of: hashtags", err.toString().trim());
    }
}
