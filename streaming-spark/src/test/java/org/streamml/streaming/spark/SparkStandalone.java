package org.streamml.streaming.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on loopback for the tests: a master and workers as processes of their own,
 * whose executors the workers launch as further processes. The Spark home they need is laid out from the
 * test class path (Maven Central's Spark artifacts): {@code jars/} holds links to every jar, and a
 * {@code RELEASE} file tells Spark's launcher to look there.
 */
public final class SparkStandalone implements AutoCloseable {
    private final Path home;
    private final int port;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();

    private SparkStandalone(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a master and {@code workers} workers of one core each, with every jar of the test class path in
     * the Spark home; returns once every worker registered.
     */
    public static SparkStandalone start(Path dir, int workers) throws IOException, InterruptedException {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            jars.add(Path.of(entry));
        }
        return start(dir, workers, jars);
    }

    /**
     * Starts a master and {@code workers} workers of one core each whose Spark home holds {@code jars} (the
     * entries that are jar files), as a Spark distribution's {@code jars/} does; returns once every worker
     * registered.
     */
    public static SparkStandalone start(Path dir, int workers, List<Path> jars) throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("RELEASE"), "Spark laid out by StreamML's tests from Maven artifacts\n");
        for (Path p : jars) {
            if (p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)) {
                Path link = home.resolve("jars").resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        SparkStandalone s = new SparkStandalone(home, freePort());
        try {
            s.launch(dir, workers);
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();     // a cluster that did not come up leaves no process behind
            throw e;
        }
        return s;
    }

    private void launch(Path dir, int workers) throws IOException, InterruptedException {
        SparkStandalone s = this;
        s.processes.add(s.spark(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(s.port), "--webui-port", Integer.toString(freePort())));
        awaitPort(s.port, s.processes.get(0), dir.resolve("master.log"));
        for (int i = 0; i < workers; i++) {
            Path work = dir.resolve("work-" + i);
            Files.createDirectories(work);
            Process w = s.spark(dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "768m", "--webui-port",
                    Integer.toString(freePort()), "--work-dir", work.toString(), s.masterUrl());
            s.processes.add(w);
            s.workers.add(w);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (registered(dir.resolve("master.log")) < workers) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the Spark workers did not register: " + Files.readString(dir.resolve("master.log")));
            }
            Thread.sleep(200);
        }
    }

    private static int registered(Path masterLog) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(masterLog)) {
            if (line.contains("Registering worker")) {
                n++;
            }
        }
        return n;
    }

    /**
     * The class path entries of StreamML's own classes and the tests' (class folders and StreamML's jars),
     * for {@code spark.executor.extraClassPath}: the executors' Spark comes from the Spark home.
     */
    public static String streamMLClassPath() {
        List<String> streamml = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // class folders, and the jars the reactor's modules built (the Spark home links the others)
            if (!entry.endsWith(".jar") || entry.contains(File.separator + "target" + File.separator)) {
                streamml.add(Path.of(entry).toAbsolutePath().toString());   // executors run in their own folders
            }
        }
        return String.join(File.pathSeparator, streamml);
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The worker processes, to kill one. */
    public List<Process> workers() {
        return workers;
    }

    private Process spark(Path log, String main, String... args) throws IOException {
        return sparkProcess(main, args).redirectOutput(log.toFile()).start();
    }

    /**
     * What {@code $SPARK_HOME/bin/spark-submit ARGS} runs (Spark's {@code SparkSubmit} on the Spark home's
     * jars, with the JVM flags of Spark's launcher), output and errors merged; not started.
     */
    public ProcessBuilder sparkSubmit(String... args) {
        return sparkProcess("org.apache.spark.deploy.SparkSubmit", args);
    }

    private ProcessBuilder sparkProcess(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
                "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
                "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false", main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb;
    }

    private static void awaitPort(int port, Process p, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the Spark master did not start: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
