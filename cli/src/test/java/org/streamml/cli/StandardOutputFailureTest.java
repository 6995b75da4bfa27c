package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.modelio.ModelIO;

/**
 * A write to standard output that fails (a full disk behind {@code >}, {@code > /dev/full}) fails the command:
 * before, PrintStream swallowed the error and {@code predict ... > /dev/full} exited 0.
 */
class StandardOutputFailureTest {
    @TempDir
    Path tmp;

    /** A standard output on a full disk: every write throws, as writing to /dev/full does. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private Path model() throws IOException {
        Path m = tmp.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1, 2}, 0.5), m);
        return m;
    }

    private Path csv() throws IOException {
        return Files.writeString(tmp.resolve("x.csv"), "label,a,b\n1,1,2\n2,3,4\n");
    }

    private static void assertFailsNamingStdout(String command, CliRun r) {
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(command + ": error: cannot write to standard output: No space left on device"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void shouldFailPredictWhenStandardOutputIsFull() throws Exception {
        assertFailsNamingStdout("predict", CliRun.withStdout(new FullDisk(), "predict", "--model",
                model().toString(), "--input", csv().toString()));
    }

    @Test
    void shouldFailDatasetWhenStandardOutputIsFull() {
        assertFailsNamingStdout("dataset", CliRun.withStdout(new FullDisk(), "dataset", "sensors", "--rows", "10"));
    }

    @Test
    void shouldFailModelInspectWhenStandardOutputIsFull() throws Exception {
        assertFailsNamingStdout("inspect", CliRun.withStdout(new FullDisk(), "model", "inspect", model().toString()));
    }

    @Test
    void shouldFailTrainWhenItsSummaryCannotBeWritten() throws Exception {
        assertFailsNamingStdout("train", CliRun.withStdout(new FullDisk(), "train", "--algorithm", "linreg",
                "--input", csv().toString(), "-q"));
    }

    @Test
    void shouldStillSucceedOnAWorkingStandardOutput() throws Exception {
        CliRun r = CliRun.of("predict", "--model", model().toString(), "--input", csv().toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("prediction\n5.5\n11.5\n", r.out());
    }

    /** The real thing: a separate JVM whose standard output is /dev/full, for predict, dataset and train. */
    @Test
    void shouldExitNonZeroInARealProcessWritingToDevFull() throws Exception {
        String model = model().toString();
        String input = csv().toString();
        List<String[]> commands = List.of(
                new String[] {"predict", "--model", model, "--input", input},
                new String[] {"dataset", "sensors", "--rows", "5"},
                new String[] {"train", "--algorithm", "linreg", "--input", input, "-q"});
        for (String[] args : commands) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(new File("/dev/full")).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.waitFor(), args[0] + ": " + err);
            assertTrue(err.contains(args[0] + ": error: cannot write to standard output: No space left on device"),
                    err);
        }
    }
}
