package org.streamml.streaming.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process terminated by SIGTERM in the middle of a write leaves no temporary file (the shutdown
 * hook deletes it), and while it is alive its locked temporary file survives another process's stale-file
 * sweep even when it looks old. SIGTERM is POSIX, as are the launcher and CI this project runs on.
 */
class AtomicFileSignalTest {
    @TempDir
    Path dir;

    @Test
    void shouldDeleteTheTemporaryFileWhenTheWriterIsTerminatedAndNeverSweepALiveWritersFile() throws Exception {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "previous");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                AtomicFileWriterMain.class.getName(), target.toString()).redirectErrorStream(true).start();
        try {
            List<String> lines = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.equals(AtomicFileWriterMain.HALF_WRITTEN)) {
                        return;
                    }
                }
                throw new AssertionError("the writer ended without writing: " + lines);
            });
            List<Path> temps = temps();
            assertEquals(1, temps.size(), "the child's temporary file: " + temps);
            Path childTemp = temps.get(0);
            assertEquals(1 << 20, Files.size(childTemp));

            // Looks stale by age, but the live child holds its lock: a write here must not remove it.
            Files.setLastModifiedTime(childTemp, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
            AtomicFile.writeText(dir.resolve("model.bin"), w -> w.write("from the parent"));
            assertEquals(List.of(childTemp), temps(), "a file another process is writing is never swept");
            assertEquals("from the parent", Files.readString(target));

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the writer did not exit on SIGTERM");
            assertEquals(143, p.exitValue(), "128 + SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temps(), "the shutdown hook deleted the temporary file");
        assertEquals("from the parent", Files.readString(target), "the interrupted write changed nothing");
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
    }
}
