package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The JVM's out-of-memory and stack-overflow errors end a command with a message saying what to do, never with
 * a Java stack trace: before, picocli let them through to the JVM, which printed "Exception in thread main
 * java.lang.OutOfMemoryError" and a trace.
 */
class JvmErrorsTest {

    /** A command that fails the way a too large or too deeply nested input makes a real one fail. */
    @CommandLine.Command(name = "load")
    static final class Failing implements Callable<Integer> {
        @CommandLine.Option(names = "--input")
        Path input;

        @CommandLine.Option(names = "--how")
        String how;

        @Override
        public Integer call() {
            return switch (how) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "wrapped-oom" -> throw new IllegalStateException("batch 3 failed",
                        new OutOfMemoryError("Java heap space"));
                case "recursion" -> recurse(0);
                default -> throw new IllegalArgumentException(how);
            };
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    @CommandLine.Command(name = "streamml", subcommands = Failing.class)
    static final class Top {
    }

    private static String run(String how) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Top());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(1, Main.execute(cl, "load", "--input", "huge.csv", "--how", how));
        String message = err.toString();
        assertFalse(message.contains("\tat "), message);
        return message;
    }

    @Test
    void shouldNameTheInputAndHowToRaiseTheHeapWhenOutOfMemory() {
        String message = run("oom");
        assertTrue(message.startsWith("load: error: out of memory (Java heap space) while processing --input"
                + " \"huge.csv\": the input is too large for the Java heap of "), message);
        assertTrue(message.contains("; raise it, for example STREAMML_JAVA_OPTS=-Xmx"), message);
        assertTrue(message.contains("g ./streamml load ..."), message);
    }

    @Test
    void shouldRecogniseAnOutOfMemoryErrorThatAnEngineBatchWrapped() {
        assertTrue(run("wrapped-oom").startsWith("load: error: out of memory (Java heap space) while processing"
                + " --input \"huge.csv\""));
    }

    @Test
    void shouldExplainAStackOverflow() {
        assertEquals("load: error: stack overflow while processing --input \"huge.csv\": the input is nested or"
                + " recursive beyond the thread stack; raise it, for example STREAMML_JAVA_OPTS=-Xss64m, or"
                + " simplify the input", run("recursion").trim());
    }
}
