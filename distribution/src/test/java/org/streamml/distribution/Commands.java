package org.streamml.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Runs a command as a process of its own, output and errors merged, and the paths the build passes in. */
final class Commands {

    /** What a finished command left: its exit status and its output. */
    record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    /** Runs {@code command} in {@code dir} with {@code env} added to this process's environment. */
    static Result run(Path dir, Map<String, String> env, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        // a file, not a pipe: a chatty process never blocks on a full pipe while this thread waits
        Path log = Files.createTempFile("streamml-command", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " ran past " + timeoutSeconds + " s: " + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The path the build passes as system property {@code name}. */
    static Path property(String name) {
        return Path.of(Objects.requireNonNull(System.getProperty(name),
                name + " (set by the distribution module's POM; run the test through Maven)")).toAbsolutePath()
                .normalize();
    }

    /** The project version the build passes in. */
    static String version() {
        return Objects.requireNonNull(System.getProperty("streamml.version"), "streamml.version");
    }

    /** Unpacks a tar.gz with tar(1), which keeps the files' modes, into {@code dir}. */
    static void untar(Path archive, Path dir) throws IOException, InterruptedException {
        Result r = run(dir, Map.of(), 60, List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()));
        if (r.exitCode() != 0) {
            throw new AssertionError("tar -xzf " + archive + " failed: " + r.output());
        }
    }
}
