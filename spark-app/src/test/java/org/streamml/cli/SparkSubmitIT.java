package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.spark.SparkStandalone;

/**
 * {@code spark-submit --class org.streamml.cli.Main streamml-spark-app.jar train --master spark://…} on a real
 * Spark standalone cluster whose Spark home holds Spark's jars only (as a Spark distribution's {@code jars/}
 * does): the application jar alone brings StreamML and its dependencies, to the driver and, through
 * {@code spark-submit}'s {@code spark.jars}, to the executors; the model equals {@code local[2]}'s.
 */
class SparkSubmitIT {
    @TempDir
    Path tmp;

    @Test
    void theApplicationJarTrainsThroughSparkSubmit() throws Exception {
        Path app = Path.of(System.getProperty("streamml.sparkApp"));
        try (JarFile jar = new JarFile(app.toFile())) {
            assertEquals("org.streamml.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(jar.getEntry("org/apache/spark/SparkContext.class") == null, "Spark is the cluster's");
            assertTrue(jar.getEntry("com/esotericsoftware/kryo/Kryo.class") == null
                    && jar.getEntry("org/streamml/streaming/cluster/ClusterExecutor.class") == null,
                    "the netty/kryo cluster module and its Kryo stay out");
            String providers = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/org.streamml.streaming.ExecutorProvider")).readAllBytes());
            assertTrue(providers.contains("org.streamml.streaming.spark.SparkExecutorProvider"), providers);
        }
        List<Path> sparkJars = new ArrayList<>();
        for (String entry : Files.readString(Path.of(System.getProperty("streamml.sparkClassPath"))).strip().split(":")) {
            if (!entry.contains("/org/streamml/") && !entry.contains("/target/")) {   // Spark's, not StreamML's
                sparkJars.add(Path.of(entry));
            }
        }
        assertTrue(sparkJars.stream().anyMatch(p -> p.getFileName().toString().startsWith("spark-core_2.13")), "" + sparkJars);

        Path in = tmp.resolve("points.csv");
        Random rnd = new Random(29);
        StringBuilder csv = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 1200; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            csv.append(a + 0.5 * b + 0.3 * rnd.nextGaussian() > 0 ? 1 : 0).append(',').append(a).append(',').append(b).append('\n');
        }
        Files.writeString(in, csv);
        List<String> train = List.of("train", "-q", "--algorithm", "logreg", "--input", in.toString(),
                "--batch-size", "300", "--partitions", "2");
        Path expected = tmp.resolve("local.json");
        List<String> local = new ArrayList<>(train);
        local.addAll(List.of("--master", "local[2]", "--output", expected.toString()));
        CliRun run = CliRun.of(local.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());

        try (SparkStandalone cluster = SparkStandalone.start(tmp.resolve("cluster"), 2, sparkJars)) {
            Path model = tmp.resolve("spark.json");
            List<String> cmd = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--class", "org.streamml.cli.Main",
                    "--conf", "spark.executor.memory=512m", "--conf", "spark.cores.max=2",
                    "--conf", "spark.driver.host=127.0.0.1", app.toString()));
            cmd.addAll(train);
            cmd.addAll(List.of("--master", cluster.masterUrl(), "--output", model.toString()));
            Path log = tmp.resolve("spark-submit.log");
            Process p = cluster.sparkSubmit(cmd.toArray(String[]::new)).redirectOutput(log.toFile()).start();
            if (!p.waitFor(4, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("spark-submit did not finish: " + Files.readString(log));
            }
            String out = Files.readString(log);
            assertEquals(0, p.exitValue(), out);
            assertFalse(out.contains("ClassNotFoundException") || out.contains("NoClassDefFoundError"), out);
            assertEquals(normalized(Files.readString(expected)), normalized(Files.readString(model)), out);
        }
    }

    /** A model file but for its creation time and the checksum that covers it. */
    private static String normalized(String json) {
        assertTrue(json.contains("\"createdAt\""), json);
        return json.replaceFirst("\"createdAt\": \"[^\"]+\"", "\"createdAt\": \"-\"")
                .replaceFirst("\"checksum\":\"[^\"]+\"", "\"checksum\":\"-\"");
    }
}
