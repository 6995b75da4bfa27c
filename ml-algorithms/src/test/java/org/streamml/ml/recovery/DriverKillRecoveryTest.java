package org.streamml.ml.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.testkit.ProcessSignals;

/**
 * Kills the driver process with SIGKILL at seeded points (inside a batch's first and last output, between
 * batches, inside a checkpoint write) and restarts it from its checkpoint directory: every batch's output
 * files and the final models must be byte-identical to those of an uninterrupted run.
 */
class DriverKillRecoveryTest {
    private static final String[] PHASES = {"output", "model", "between", "checkpoint"};

    @TempDir
    static Path dir;
    static Path words;
    static Map<String, String> reference;

    @BeforeAll
    static void referenceRun() throws Exception {
        words = dir.resolve("words.txt");
        Random r = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < RecoveryPipeline.BATCHES * RecoveryPipeline.WORDS_PER_BATCH; i++) {
            text.append("w").append(r.nextInt(r.nextBoolean() ? 8 : 30)).append('\n');
        }
        Files.writeString(words, text);
        Path out = dir.resolve("reference-out");
        Process p = child(dir.resolve("reference-ckpt"), out).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the reference run did not end");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        reference = contents(out);
        assertTrue(reference.size() > 4 * RecoveryPipeline.BATCHES, "outputs: " + reference.keySet());
    }

    @Test
    void aKilledDriverRestartsToTheSameOutputsAndModels() throws Exception {
        Random seeded = new Random(2026);
        List<String> restoredFrom = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            String phase = PHASES[run % PHASES.length];
            long batch = 1000L * (1 + seeded.nextInt(RecoveryPipeline.BATCHES));
            Path ckpt = dir.resolve("ckpt-" + run);
            Path out = dir.resolve("out-" + run);
            Path pid = dir.resolve("pid-" + run);
            Process victim = child(ckpt, out, phase, Long.toString(batch), pid.toString()).start();
            long id = ProcessSignals.awaitPid(pid, 60_000);
            assertEquals(victim.pid(), id);
            victim.destroyForcibly();
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
            assertTrue(victim.exitValue() != 0, "the victim was not killed");

            Process restart = child(ckpt, out).start();
            assertTrue(restart.waitFor(120, TimeUnit.SECONDS), "the restarted run did not end");
            String log = new String(restart.getInputStream().readAllBytes());
            assertEquals(0, restart.exitValue(), "kill at " + phase + "@" + batch + ": " + log);
            restoredFrom.add(phase + "@" + batch + " -> " + log.strip());
            // Checkpoints are written after every batch: a kill inside batch t restarts from t - 1, a kill
            // after batch t completed from t.
            long expected = phase.equals("between") ? batch : batch - 1000;
            assertTrue(log.contains(expected == 0 ? "restored from nothing" : "restored from " + expected + " ms"),
                    "kill at " + phase + "@" + batch + ": " + log);
            Map<String, String> got = contents(out);
            assertEquals(reference.keySet(), got.keySet(), "files after a kill at " + phase + "@" + batch);
            for (Map.Entry<String, String> e : reference.entrySet()) {
                assertEquals(e.getValue(), got.get(e.getKey()), e.getKey() + " after a kill at " + phase + "@" + batch);
            }
        }
        System.out.println("driver kills and restarts:\n" + String.join("\n", restoredFrom));
    }

    private static ProcessBuilder child(Path ckpt, Path out, String... kill) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), RecoveryPipeline.class.getName(),
                words.toString(), ckpt.toString(), out.toString()));
        cmd.addAll(List.of(kill));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private static Map<String, String> contents(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".tmp")) {
                    files.put(name, Files.readString(p));
                }
            }
        }
        return files;
    }
}
