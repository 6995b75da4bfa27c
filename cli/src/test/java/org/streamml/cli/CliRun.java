package org.streamml.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code Main.run} in-process with standard output and error captured. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        return withStdout(new ByteArrayOutputStream(), args);
    }

    /**
     * Runs with standard output going to {@code stdout} (through the {@link StandardStreams#remembering} wrapper
     * that {@code main} installs), for a stream that fails; {@link #out()} is then empty.
     */
    static CliRun withStdout(java.io.OutputStream stdout, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = stdout instanceof ByteArrayOutputStream b ? b : new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(StandardStreams.remembering(stdout), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
