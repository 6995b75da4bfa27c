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
                + " 'huge.csv': the input is too large for the Java heap of "), message);
        assertTrue(message.contains("; raise it, for example STREAMML_JAVA_OPTS=-Xmx"), message);
        assertTrue(message.contains("g ./streamml load ..."), message);
    }

    @Test
    void shouldRecogniseAnOutOfMemoryErrorThatAnEngineBatchWrapped() {
        assertTrue(run("wrapped-oom").startsWith("load: error: out of memory (Java heap space) while processing"
                + " --input 'huge.csv'"));
    }

    /** The real thing: a 40 MB line in a JVM of 32 MiB, for train and predict. */
    @Test
    void shouldExplainARealOutOfMemoryInAProcessWithASmallHeap(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path huge = tmp.resolve("huge.csv");
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(huge)) {
            w.write("y,a\n1,");
            char[] ones = new char[1 << 20];
            java.util.Arrays.fill(ones, '1');
            for (int i = 0; i < 40; i++) {
                w.write(ones);
            }
            w.write('\n');
        }
        Path model = tmp.resolve("m.json");
        org.streamml.modelio.ModelIO.save(new org.streamml.ml.model.LinearRegressionModel(new double[] {1}, 0),
                model);
        for (String[] args : new String[][] {
            {"train", "--algorithm", "linreg", "--input", huge.toString(), "-q"},
            {"predict", "--model", model.toString(), "--input", huge.toString()}}) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(1, p.waitFor(), err);
            assertTrue(err.startsWith(args[0] + ": error: out of memory (Java heap space) while processing "), err);
            assertTrue(err.contains("--input '" + huge + "': the input is too large for the Java heap of "), err);
            assertTrue(err.contains("STREAMML_JAVA_OPTS=-Xmx"), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
        }
    }

    @Test
    void shouldExplainAStackOverflow() {
        assertEquals("load: error: stack overflow while processing --input 'huge.csv': the input is nested or"
                + " recursive beyond the thread stack; raise it, for example STREAMML_JAVA_OPTS=-Xss64m, or"
                + " simplify the input", run("recursion").trim());
    }
}
