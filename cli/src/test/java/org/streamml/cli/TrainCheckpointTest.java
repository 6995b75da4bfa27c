package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.modelio.ModelIO;

/**
 * {@code train --checkpoint DIR} killed with SIGKILL in the middle of its run and started again with the same
 * command ends with the trace and model of an unbroken run, in the mini-batch mode and the online mode.
 */
class TrainCheckpointTest {
    private static final int ROWS = 6000;
    private static final int BATCH = 5;

    @TempDir
    Path tmp;

    private Path input() throws Exception {
        Random r = new Random(17);
        StringBuilder csv = new StringBuilder("label,x0,x1,x2\n");
        for (int i = 0; i < ROWS; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double c = r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f%n", 2 * a - b + 0.5 * c + 0.1 * r.nextGaussian(),
                    a, b, c));
        }
        return Files.writeString(tmp.resolve("data.csv"), csv);
    }

    private ProcessBuilder train(String mode, Path in, Path trace, Path out, Path ckpt, String... more) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train",
                "--algorithm", "linreg", "--input", in.toString(), "--batch-size", Integer.toString(BATCH),
                "--trace", trace.toString(), "--output", out.toString()));
        cmd.addAll(List.of(mode.split(" ")));
        if (ckpt != null) {
            cmd.addAll(List.of("--checkpoint", ckpt.toString()));
        }
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log-" + trace
                .getFileName() + ".txt").toFile());
    }

    /** Spark's mini-batch mode, and online optimizers whose state (AdaGrad's G, FTRL's z and n) the checkpoint holds. */
    @ParameterizedTest
    @ValueSource(strings = {"--iterations 5", "--optimizer adagrad --step-size 0.5", "--optimizer ftrl --step-size 0.5"})
    void aKilledTrainingRunResumesToTheTraceAndModelOfAnUnbrokenRun(String mode) throws Exception {
        killAndResume(mode);
    }

    @Test
    void aKilledAdaptiveRunResumesToTheModelDetectionsAndPrequentialMetricOfAnUnbrokenRun() throws Exception {
        String[] log = killAndResume("--iterations 5", "--drift-detector", "adwin", "--on-drift", "raise-forgetting",
                "--forgetting-factor", "0.9");
        assertEquals(summaryField(log[0], "prequential_rmse"), summaryField(log[1], "prequential_rmse"));
        assertEquals(summaryField(log[0], "drifts"), summaryField(log[1], "drifts"));
    }

    private static String summaryField(String log, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"records\".*\"" + field
                + "\":([^,}]+)").matcher(log);
        assertTrue(m.find(), field + " in " + log);
        return m.group(1);
    }

    /** Runs once unbroken, once killed and resumed; checks trace and model; returns both logs. */
    private String[] killAndResume(String mode, String... more) throws Exception {
        Path in = input();
        Path refTrace = tmp.resolve("ref-trace.jsonl");
        Path refModel = tmp.resolve("ref-model.json");
        Process ref = train(mode, in, refTrace, refModel, null, more).start();
        assertTrue(ref.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, ref.exitValue(), Files.readString(tmp.resolve("log-ref-trace.jsonl.txt")));

        Path ckpt = tmp.resolve("ckpt");
        Path trace = tmp.resolve("trace.jsonl");
        Path model = tmp.resolve("model.json");
        Process victim = train(mode, in, trace, model, ckpt, more).start();
        // Kill once the run is well under way: 40 of its 1200 batches checkpointed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (newestCheckpoint(ckpt) < 40_000 && victim.isAlive() && System.nanoTime() < deadline) {
            victim.waitFor(5, TimeUnit.MILLISECONDS);
        }
        assertTrue(victim.isAlive(), "the run ended before it could be killed");
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(trace), "a killed run wrote no trace");
        assertFalse(Files.exists(model), "a killed run saved no model");

        Process resumed = train(mode, in, trace, model, ckpt, more).start();
        assertTrue(resumed.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue(), Files.readString(tmp.resolve("log-trace.jsonl.txt")));
        String log = Files.readString(tmp.resolve("log-trace.jsonl.txt"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("train: resuming after the checkpoint of batch (\\d+)").matcher(log);
        assertTrue(m.find(), log);
        assertTrue(Integer.parseInt(m.group(1)) >= 40, log);
        assertEquals(Files.readString(refTrace), Files.readString(trace), "the trace of the resumed run");
        assertEquals(ROWS / BATCH, Files.readAllLines(trace).size());
        assertEquals(ModelIO.load(refModel), ModelIO.load(model));
        assertEquals(withoutCreationTime(refModel), withoutCreationTime(model));
        return new String[] {Files.readString(tmp.resolve("log-ref-trace.jsonl.txt")), log};
    }

    /** The batch time of the newest checkpoint in {@code dir} (only the newest two are kept), or -1. */
    static long newestCheckpoint(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        long newest = -1;
        try (var files = Files.newDirectoryStream(dir, "checkpoint-*.ckpt")) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                newest = Math.max(newest, Long.parseLong(n.substring("checkpoint-".length(), n.length() - 5)));
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryIteratorException e) {
            return newest;
        }
        return newest;
    }

    /** The model file but its creation time, which differs between any two runs. */
    private static String withoutCreationTime(Path file) throws Exception {
        return Files.readString(file).replaceAll("\"created(At)?\"\\s*:\\s*\"[^\"]*\"", "\"created\":\"-\"")
                .replaceAll("\"checksum\"\\s*:\\s*\"[^\"]*\"", "\"checksum\":\"-\"");
    }
}
