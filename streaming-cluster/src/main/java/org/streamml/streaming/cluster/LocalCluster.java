package org.streamml.streaming.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Worker processes started on this machine for {@code local-cluster[N]}: the same {@code java} and
 * class path as this process, {@link WorkerMain} as main class, the secret passed in the environment
 * (never on the command line), output to one log file per worker in a temporary directory that
 * {@link #close()} removes after stopping the workers.
 */
final class LocalCluster implements AutoCloseable {
    /** The environment variable that carries the shared secret to local workers. */
    static final String SECRET_ENV = "STREAMML_CLUSTER_SECRET";

    private final List<Process> processes;
    private final Path logDir;

    private LocalCluster(List<Process> processes, Path logDir) {
        this.processes = processes;
        this.logDir = logDir;
    }

    /** A random secret for a local cluster. */
    static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Starts {@code n} workers of {@code cores} cores that connect to {@code driver}. */
    static LocalCluster start(int n, int cores, InetSocketAddress driver, ClusterOptions options) {
        Path logDir;
        try {
            logDir = Files.createTempDirectory("streamml-local-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for worker logs: " + e.getMessage(), e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> started = new ArrayList<>(n);
        LocalCluster cluster = new LocalCluster(started, logDir);
        try {
            for (int i = 1; i <= n; i++) {
                ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseParallelGC", "-Xss1m",
                        "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                        "--master", driver.getHostString() + ":" + driver.getPort(),
                        "--cores", Integer.toString(cores),
                        "--max-frame-bytes", Integer.toString(options.maxFrameBytes()));
                if (options.secret() != null) {
                    pb.environment().put(SECRET_ENV, options.secret());
                }
                pb.redirectErrorStream(true);
                pb.redirectOutput(logDir.resolve("worker-" + i + ".log").toFile());
                started.add(pb.start());
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException("cannot start a local worker process: " + e.getMessage(), e);
        }
    }

    /** The worker processes, in start order. */
    List<ProcessHandle> processes() {
        return processes.stream().map(Process::toHandle).toList();
    }

    /** The last lines of every worker's log, for an error message. */
    String logTails() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= processes.size(); i++) {
            Path log = logDir.resolve("worker-" + i + ".log");
            try {
                List<String> lines = Files.readAllLines(log);
                sb.append("\n--- worker ").append(i).append(processes.get(i - 1).isAlive() ? "" : " (exited "
                        + processes.get(i - 1).exitValue() + ")").append(":");
                for (String l : lines.subList(Math.max(0, lines.size() - 10), lines.size())) {
                    sb.append("\n").append(l);
                }
            } catch (IOException e) {
                sb.append("\n--- worker ").append(i).append(": no log (").append(e.getMessage()).append(")");
            }
        }
        return sb.toString();
    }

    /**
     * Waits a few seconds for the workers to exit (they do once the driver has closed their
     * connections), kills those that did not, and removes the log directory.
     */
    @Override
    public void close() {
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(logDir);
        } catch (IOException e) {
            Wire.LOG.warn("cannot remove the worker logs in " + logDir + ": " + e);
        }
    }
}
