package org.streamml.ml.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.testkit.ProcessSignals;

/**
 * Kills the driver process with SIGKILL at seeded points (inside a batch's first and last output, between
 * batches, inside a checkpoint write, with socket lines received and logged but not yet taken, inside a
 * write-ahead-log append) and restarts it from its checkpoint directory: every batch's output files and the
 * final models must be byte-identical to those of an uninterrupted run. A kill inside an append is the
 * kill with lines received and logged, followed by what a process killed inside {@code write} leaves at
 * the end of the newest log segment: a block header and part of its payload.
 */
class DriverKillRecoveryTest {
    private static final String[] PHASES = {"output", "model", "between", "checkpoint", "received", "wal-append"};

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
        Process p;
        try (LineServer server = new LineServer()) {
            p = child(dir.resolve("reference-ckpt"), out, server.port()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the reference run did not end");
        }
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
            LineServer server = new LineServer();
            String point = phase.equals("wal-append") ? "received" : phase;
            Process victim = child(ckpt, out, server.port(), point, Long.toString(batch), pid.toString()).start();
            long id = ProcessSignals.awaitPid(pid, 60_000);
            assertEquals(victim.pid(), id);
            victim.destroyForcibly();
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
            assertTrue(victim.exitValue() != 0, "the victim was not killed");
            if (phase.equals("wal-append")) {
                tearTheNewestLogSegment(ckpt, seeded);
            }

            Process restart = child(ckpt, out, server.port()).start();
            assertTrue(restart.waitFor(120, TimeUnit.SECONDS), "the restarted run did not end");
            server.close();
            assertEquals(2, server.connections(), "the restart connected again and was sent nothing");
            String log = new String(restart.getInputStream().readAllBytes());
            assertEquals(0, restart.exitValue(), "kill at " + phase + "@" + batch + ": " + log);
            restoredFrom.add(phase + "@" + batch + " -> " + log.strip());
            // Checkpoints are taken after every batch and written in the background: a kill inside batch t
            // (or between t - 1 and t, when t starts) restarts from t - 1, or from t - 2 if the write of t - 1
            // was still in flight; a kill inside the encoding of t from t - 1, which the writer finished before
            // the snapshot of t began.
            long latest = batch - 1000;
            long earliest = phase.equals("checkpoint") ? latest : latest - 1000;
            long from = restoredFrom(log);
            assertTrue(from >= earliest && from <= latest, "kill at " + phase + "@" + batch + ": " + log);
            Map<String, String> got = contents(out);
            assertEquals(reference.keySet(), got.keySet(), "files after a kill at " + phase + "@" + batch);
            for (Map.Entry<String, String> e : reference.entrySet()) {
                assertEquals(e.getValue(), got.get(e.getKey()), e.getKey() + " after a kill at " + phase + "@" + batch);
            }
        }
        System.out.println("driver kills and restarts:\n" + String.join("\n", restoredFrom));
    }

    /**
     * Appends a torn block to the newest segment of every stream's write-ahead log: a length, a checksum and
     * the first bytes of a payload that never got written in full.
     */
    private static void tearTheNewestLogSegment(Path ckpt, Random seeded) throws IOException {
        List<Path> streams;
        try (var s = Files.list(ckpt.resolve("wal"))) {
            streams = s.filter(Files::isDirectory).toList();
        }
        assertTrue(!streams.isEmpty(), "no write-ahead log in " + ckpt);
        for (Path stream : streams) {
            Path newest;
            try (var s = Files.list(stream)) {
                newest = s.filter(p -> p.getFileName().toString().endsWith(".log"))
                        .max(java.util.Comparator.comparingLong(
                                p -> Long.parseLong(p.getFileName().toString().replace(".log", ""))))
                        .orElseThrow(() -> new AssertionError("no segment in " + stream));
            }
            byte[] partial = new byte[1 + seeded.nextInt(40)];
            seeded.nextBytes(partial);
            java.nio.ByteBuffer torn = java.nio.ByteBuffer.allocate(8 + partial.length);
            torn.putInt(200 + seeded.nextInt(1000)).putInt(seeded.nextInt()).put(partial);
            Files.write(newest, torn.array(), java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** The batch a restarted run says it restored from, 0 for none. */
    private static long restoredFrom(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("restored from (\\d+) ms").matcher(log);
        return m.find() ? Long.parseLong(m.group(1)) : log.contains("restored from nothing") ? 0 : -1;
    }

    private static ProcessBuilder child(Path ckpt, Path out, int port, String... kill) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), RecoveryPipeline.class.getName(),
                words.toString(), ckpt.toString(), out.toString(), Integer.toString(port)));
        cmd.addAll(List.of(kill));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /**
     * The socket the driver's receiver reads: the first connection gets every line at once and is closed;
     * later ones (a restarted driver) get nothing, as a TCP sender does not resend what it sent to a process
     * that died, so the lines the victim received must come back from its write-ahead log.
     */
    static final class LineServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        LineServer() throws IOException {
            StringBuilder text = new StringBuilder();
            int lines = RecoveryPipeline.BATCHES * RecoveryPipeline.SOCKET_LINES_PER_BATCH;
            for (int i = 0; i < lines; i++) {
                text.append("s").append(i * 13 % 9).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
                        if (connections.getAndIncrement() == 0) {
                            o.write(bytes);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "kill-test-line-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
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
