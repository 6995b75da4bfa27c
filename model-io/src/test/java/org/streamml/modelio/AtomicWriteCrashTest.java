package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;

/** A writer process killed in the middle of a save leaves the previous model file intact and loadable. */
@Tag("slow")
class AtomicWriteCrashTest {
    @TempDir
    Path dir;

    /** Starts {@link CrashingWriter} in a new JVM and kills it once it has printed {@code signal}. */
    private List<String> runAndKillAfter(String mode, Path file, String signal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), mode, file.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.equals(signal)) {
                        return;
                    }
                }
                throw new AssertionError("the writer ended without printing " + signal + ": " + lines);
            });
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        return lines;
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void shouldKeepThePreviousFileWhenTheWriterIsKilledHalfwayThroughTheTemporaryFile() throws Exception {
        Path file = dir.resolve("model.bin");

        runAndKillAfter("stall", file, CrashingWriter.HALF_WRITTEN);

        assertEquals(CrashingWriter.bigModel(1), ModelIO.load(file, KMeansModel.class));
        assertEquals(1, tempFiles().size(), "the half-written temporary file is left beside the model");
        ModelIO.save(CrashingWriter.bigModel(3), file, ModelFormat.BINARY);
        assertEquals(3, ModelIO.load(file).version());
    }

    @Test
    void shouldAlwaysLeaveACompleteModelWhenASaveLoopIsKilled() throws Exception {
        Path file = dir.resolve("model.bin");

        runAndKillAfter("loop", file, "SAVING 4");

        long version = ModelIO.load(file).version();
        assertTrue(version == 3 || version == 4, "version " + version);
        assertEquals(CrashingWriter.bigModel(version), ModelIO.load(file));
    }
}
