package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code streamml train} on every case of the Spark conformance set (test resources
 * {@code conformance/}) and checks that every number of every batch of the trace agrees with the trace
 * Apache Spark 3.5.6 wrote, to 1e-9 relative or 1e-12 absolute.
 */
class ConformanceTest {
    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linreg-default", "linreg-tol0", "logreg-default", "logreg-l2", "kmeans-batches",
        "kmeans-points"})
    void shouldReproduceSparkTraceOfEveryBatch(String name) throws Exception {
        assertReproducesSparkTrace(name, null, tmp.resolve(name + ".jsonl"));
    }

    /**
     * Runs conformance case {@code name} with {@code master} (or the case's own master if {@code null}),
     * writing the trace to {@code trace}, and checks every batch against Spark's trace and the summary line.
     */
    static void assertReproducesSparkTrace(String name, String master, Path trace) throws Exception {
        Path dir = resourceDir();
        Map<String, String> config = JsonNumbers.flatObject(Files.readString(dir.resolve(name + ".config.json")));
        List<String> args = trainArgs(config, dir, trace);
        if (master != null) {
            args.set(args.indexOf("--master") + 1, master);
        }

        String stdout = runQuietly(args.toArray(String[]::new));

        List<String> expected = Files.readAllLines(dir.resolve(name + ".trace.jsonl"));
        List<String> actual = Files.readAllLines(trace);
        assertEquals(expected.size(), actual.size(), "batches in the trace");
        for (int i = 0; i < expected.size(); i++) {
            assertLineAgrees(i + 1, expected.get(i), actual.get(i));
        }
        String[] lines = stdout.strip().split("\n");
        Map<String, String> summary = JsonNumbers.flatObject(lines[lines.length - 1]);
        assertEquals(config.get("rows"), summary.get("records"));
        assertEquals(config.get("batches"), summary.get("batches"));
    }

    private static List<String> trainArgs(Map<String, String> c, Path dir, Path trace) {
        List<String> args = new ArrayList<>(List.of("train", "--quiet", "--algorithm", c.get("algo"),
                "--input", dir.resolve(c.get("input")).toString(), "--batch-size", c.get("batchSize"),
                "--partitions", c.get("partitions"), "--master", c.get("master"), "--trace", trace.toString()));
        if (c.get("algo").equals("kmeans")) {
            assertEquals("first-k-points", c.get("initCenters"));
            assertEquals("0.0", c.get("initWeight"));
            args.addAll(List.of("--k", c.get("k"), "--decay-factor", c.get("decayFactor"),
                    "--time-unit", c.get("timeUnit")));
        } else {
            assertEquals("zeros", c.get("initialWeights"));
            assertEquals("none", c.get("intercept"));
            args.addAll(List.of("--step-size", c.get("stepSize"), "--iterations", c.get("numIterations"),
                    "--reg-param", c.get("regParam"), "--mini-batch-fraction", c.get("miniBatchFraction"),
                    "--convergence-tol", c.get("convergenceTol")));
        }
        return args;
    }

    private static void assertLineAgrees(int batch, String expected, String actual) {
        assertEquals(expected.replaceAll("-?\\d[\\d.eE+-]*", "#"), actual.replaceAll("-?\\d[\\d.eE+-]*", "#"),
                "shape of batch " + batch);
        List<Double> e = JsonNumbers.numbers(expected);
        List<Double> a = JsonNumbers.numbers(actual);
        assertEquals(e.size(), a.size(), "numbers in batch " + batch);
        for (int i = 0; i < e.size(); i++) {
            double x = e.get(i);
            double y = a.get(i);
            double diff = Math.abs(x - y);
            if (diff > ABSOLUTE && diff > RELATIVE * Math.min(Math.abs(x), Math.abs(y))) {
                fail("batch " + batch + ", number " + i + ": Spark " + x + ", ours " + y);
            }
        }
    }

    private static String runQuietly(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), () -> "train failed: " + run.err());
        // -q: no progress; only the cluster driver's INFO log lines (a local cluster's workers joining) may appear
        List<String> other = run.err().lines()
                .filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  cluster: .*")).toList();
        assertTrue(other.isEmpty(), () -> "quiet run wrote to stderr: " + other);
        return run.out();
    }

    private static Path extracted;

    /**
     * The folder of the conformance cases: the test resources, or, when this class runs from the command
     * line's test-jar (streaming-spark's tests), a copy of them in a temporary folder, made once.
     */
    private static synchronized Path resourceDir() throws URISyntaxException, java.io.IOException {
        java.net.URI uri = ConformanceTest.class.getResource("/conformance/README.md").toURI();
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri).getParent();
        }
        if (extracted == null) {
            Path dir = Files.createTempDirectory("streamml-conformance");
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of());
                    java.util.stream.Stream<Path> files = Files.walk(jar.getPath("/conformance"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = dir.resolve(jar.getPath("/conformance").relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
            extracted = dir;
        }
        return extracted;
    }
}
