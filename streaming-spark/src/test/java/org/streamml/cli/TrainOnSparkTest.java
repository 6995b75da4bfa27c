package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamml.streaming.spark.SparkStandalone;

/**
 * {@code streamml train --master spark://HOST:PORT} on a real Spark standalone cluster (a master and two
 * workers as processes, executors launched by the workers): the six traces Apache Spark wrote
 * ({@code conformance/} of the command line's test-jar) to 1e-12, the same traces byte for byte as
 * {@code local[2]}, and, on generated data, the three learners' model files identical to {@code local[2]}'s
 * (and, for k-means, {@code spark-local[2]}'s) but for their creation time and checksum; the same through
 * the {@code ./streamml} launcher, which assembles Spark's class path itself.
 *
 * <p>The executors find StreamML's classes through {@code spark.executor.extraClassPath}, set as a system
 * property, which Spark reads into the context's configuration (as {@code spark-submit --conf} would).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainOnSparkTest {
    private static final List<String> PROPERTIES = List.of("spark.executor.extraClassPath", "spark.executor.memory",
            "spark.cores.max");
    private SparkStandalone cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = SparkStandalone.start(Files.createTempDirectory("streamml-spark-train"), 2);
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> streamml = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // the reactor's modules (class folders or jars); the workers' Spark home links the other jars
            if (!entry.endsWith(".jar") || Path.of(entry).toAbsolutePath().startsWith(root)) {
                streamml.add(entry);
            }
        }
        System.setProperty("spark.executor.extraClassPath", String.join(File.pathSeparator, streamml));
        System.setProperty("spark.executor.memory", "512m");
        System.setProperty("spark.cores.max", "2");
    }

    @AfterAll
    void stopCluster() {
        PROPERTIES.forEach(System::clearProperty);
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linreg-default", "linreg-tol0", "logreg-default", "logreg-l2", "kmeans-batches",
        "kmeans-points"})
    void shouldReproduceSparkTraceOnASparkStandaloneCluster(String name) throws Exception {
        Path local = tmp.resolve(name + "-local.jsonl");
        Path spark = tmp.resolve(name + "-spark.jsonl");
        ConformanceTest.assertReproducesSparkTrace(name, "local[2]", local);
        ConformanceTest.assertReproducesSparkTrace(name, cluster.masterUrl(), spark);
        assertEquals(Files.readAllLines(local), Files.readAllLines(spark));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linreg", "logreg", "kmeans"})
    void shouldSaveTheSameModelOnSparkAsInLocalMode(String algorithm) throws Exception {
        Path in = tmp.resolve(algorithm + ".csv");
        Files.writeString(in, generated(algorithm, new Random(17)));
        List<String> common = new ArrayList<>(List.of("train", "-q", "--algorithm", algorithm, "--input",
                in.toString(), "--batch-size", "250", "--partitions", "3"));
        if (algorithm.equals("kmeans")) {
            common.addAll(List.of("--k", "3", "--decay-factor", "0.8"));
        }
        String expected = train(common, "local[2]");
        assertEquals(expected, train(common, cluster.masterUrl()), "spark:// model differs from local[2]");
        if (algorithm.equals("kmeans")) {    // Spark's in-process mode once (each run starts a context)
            assertEquals(expected, train(common, "spark-local[2]"), "spark-local[2] model differs from local[2]");
        }
    }

    @org.junit.jupiter.api.Test
    void shouldTrainOnSparkThroughTheLauncher() throws Exception {
        Path in = tmp.resolve("launcher.csv");
        Files.writeString(in, generated("logreg", new Random(23)));
        List<String> common = List.of("train", "-q", "--algorithm", "logreg", "--input", in.toString(),
                "--batch-size", "300", "--partitions", "2");
        String expected = train(common, "local[2]");
        Path model = tmp.resolve("launcher-model.json");
        List<String> cmd = new ArrayList<>(List.of(Path.of("..", "streamml").toAbsolutePath().normalize().toString()));
        cmd.addAll(common);
        cmd.addAll(List.of("--master", cluster.masterUrl(), "--output", model.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("launcher.log").toFile());
        pb.environment().remove("SPARK_HOME");           // Spark's jars as the build resolved them
        // executors that fit the test workers (768 MiB each; Spark's default asks for 1 GiB)
        pb.environment().put("STREAMML_JAVA_OPTS", "-Dspark.executor.memory=512m -Dspark.cores.max=2");
        pb.environment().put("STREAMML_SKIP_BUILD", "1");     // this build made the jars
        Process p = pb.start();
        String log;
        if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + Files.readString(tmp.resolve("launcher.log")));
        }
        log = Files.readString(tmp.resolve("launcher.log"));
        assertEquals(0, p.exitValue(), log);
        assertEquals(expected, normalized(Files.readString(model)), log);
    }

    @org.junit.jupiter.api.Test
    void shouldDetectTheSameAnomaliesOnSparkAsInLocalMode() throws Exception {
        Random rnd = new Random(31);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2014, 3, 7, 0, 0);
        for (int i = 0; i < 600; i++, t = t.plusMinutes(5)) {
            double v = 40 + 3 * Math.sin(2 * Math.PI * i / 288) + rnd.nextGaussian() + (i == 450 ? 25 : 0);
            csv.append(t.toString().replace('T', ' ')).append(":00,").append(Math.round(v * 1000) / 1000.0).append('\n');
        }
        Path in = Files.writeString(tmp.resolve("series.csv"), csv);
        List<String> scores = new ArrayList<>();
        for (String master : List.of("local[2]", cluster.masterUrl())) {
            Path out = tmp.resolve("scores-" + master.replaceAll("[^a-z0-9]", "_") + ".csv");
            CliRun run = CliRun.of("detect", "--input", in.toString(), "--output", out.toString(), "--batch-size", "100",
                    "--master", master);
            assertEquals(0, run.status(), () -> "detect --master " + master + " failed: " + run.err());
            scores.add(Files.readString(out));
        }
        assertEquals(scores.get(0), scores.get(1));
        assertEquals(601, scores.get(1).lines().count());
    }

    /** Trains with {@code master}; returns the saved model file but for its creation time and checksum. */
    private String train(List<String> common, String master) throws Exception {
        Path model = tmp.resolve("model-" + master.replaceAll("[^a-z0-9]", "_") + "-" + common.get(3) + ".json");
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--master", master, "--output", model.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), () -> "train --master " + master + " failed: " + run.err());
        return normalized(Files.readString(model));
    }

    private static String normalized(String json) {
        assertTrue(json.contains("\"createdAt\""), json);
        // the creation time, and the checksum that covers it, differ from run to run
        return json.replaceFirst("\"createdAt\": \"[^\"]+\"", "\"createdAt\": \"-\"")
                .replaceFirst("\"checksum\":\"[^\"]+\"", "\"checksum\":\"-\"");
    }

    /** 1,500 seeded rows: a noisy linear target, a noisy linear class boundary, or three blobs. */
    private static String generated(String algorithm, Random rnd) {
        StringBuilder csv = new StringBuilder(algorithm.equals("kmeans") ? "a,b\n" : "label,a,b\n");
        for (int i = 0; i < 1500; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            switch (algorithm) {
                case "linreg" -> csv.append(2 * a - 0.5 * b + 0.1 * rnd.nextGaussian()).append(',');
                case "logreg" -> csv.append(a + 0.5 * b + 0.3 * rnd.nextGaussian() > 0 ? 1 : 0).append(',');
                default -> {
                    int blob = rnd.nextInt(3);
                    a += 4 * blob;
                    b -= 3 * blob;
                }
            }
            csv.append(a).append(',').append(b).append('\n');
        }
        return csv.toString();
    }
}
