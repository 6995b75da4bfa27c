package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code demo NAME --checkpoint DIR} killed with SIGKILL a few batches into its run and started again with the
 * same command prints the summary of an unbroken run, and every line it prints is one the unbroken run printed:
 * the demos' driver-side results (detector states, per-batch metrics, totals) are in the checkpoints with the
 * engine's state and the learners' models.
 */
class DemoCheckpointTest {
    private static final String BATCHES = "24";

    @TempDir
    Path tmp;

    private ProcessBuilder demo(String name, Path log, Path ckpt) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "demo", name,
                "--batches", BATCHES, "--charts", tmp.resolve("charts").toString()));
        if (ckpt != null) {
            cmd.addAll(List.of("--checkpoint", ckpt.toString()));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensors", "fraud", "hashtags", "neural"})
    void aKilledDemoResumesToTheResultsOfAnUnbrokenRun(String name) throws Exception {
        Path refLog = tmp.resolve("reference.txt");
        Process ref = demo(name, refLog, null).start();
        assertTrue(ref.waitFor(300, TimeUnit.SECONDS), "the reference run did not end");
        String reference = Files.readString(refLog);
        assertEquals(0, ref.exitValue(), reference);

        Path ckpt = tmp.resolve("ckpt");
        Process victim = demo(name, tmp.resolve("victim.txt"), ckpt).start();
        // Kill once three batches are checkpointed (a checkpoint after every batch; the first names the interval).
        long first = -1;
        long newest = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((first < 0 || newest < 3 * first) && victim.isAlive() && System.nanoTime() < deadline) {
            victim.waitFor(2, TimeUnit.MILLISECONDS);
            newest = TrainCheckpointTest.newestCheckpoint(ckpt);
            if (first < 0 && newest > 0) {
                first = newest;
            }
        }
        assertTrue(victim.isAlive(), "the run ended before it could be killed: " + Files.readString(tmp.resolve(
                "victim.txt")));
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        assertTrue(victim.exitValue() != 0, "the victim was not killed");
        String killed = Files.readString(tmp.resolve("victim.txt"));
        assertTrue(!killed.contains("Summary"), "the victim finished: " + killed);

        Path resumedLog = tmp.resolve("resumed.txt");
        Process resumed = demo(name, resumedLog, ckpt).start();
        assertTrue(resumed.waitFor(300, TimeUnit.SECONDS), "the resumed run did not end");
        String again = Files.readString(resumedLog);
        assertEquals(0, resumed.exitValue(), again);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Resuming from the checkpoint of batch (\\d+) ms").matcher(again);
        assertTrue(m.find(), again);
        assertTrue(Long.parseLong(m.group(1)) >= 2 * first, "resumed from " + m.group(1) + ": " + again);

        assertEquals(summary(reference), summary(again), "the summary of the resumed " + name + " demo");
        for (String line : timingsMasked(again).split("\n")) {
            if (!line.startsWith("Resuming from the checkpoint")) {
                assertTrue(timingsMasked(reference).contains(line + "\n"), "a line the unbroken run did not print: '"
                        + line + "'\nunbroken:\n" + reference + "\nresumed:\n" + again);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aCheckpointOfOtherSettingsIsRefusedNamingTheDifference() throws Exception {
        Path ckpt = tmp.resolve("ckpt");
        Process first = demo("fraud", tmp.resolve("first.txt"), ckpt).start();
        assertTrue(first.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first.txt")));
        List<String> cmd = new ArrayList<>(demo("fraud", tmp.resolve("other.txt"), ckpt).command());
        cmd.addAll(List.of("--seed", "7"));
        Process other = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("other.txt")
                .toFile()).start();
        assertTrue(other.waitFor(300, TimeUnit.SECONDS));
        String log = Files.readString(tmp.resolve("other.txt"));
        assertEquals(1, other.exitValue(), log);
        assertTrue(log.contains("was written by another program") && log.contains("seed 42")
                && log.contains("seed 7") && !log.contains("\tat "), log);
    }

    private static String summary(String log) {
        int at = log.indexOf("\nSummary\n");
        assertTrue(at >= 0, log);
        return timingsMasked(log.substring(at));
    }

    /** {@code log} without its processing times, the one thing that differs between any two runs. */
    private static String timingsMasked(String log) {
        return log.replaceAll("processing: [^\\n]*", "processing: -");
    }
}
