package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code streamml train --master local-cluster[3]} runs its tasks on three worker processes and writes the
 * same traces as in local mode: Spark's conformance traces, and byte-identical traces to {@code local[2]}.
 */
@Tag("slow")
class TrainOnClusterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linreg-default", "linreg-tol0", "logreg-default", "logreg-l2", "kmeans-batches",
        "kmeans-points"})
    void shouldReproduceSparkTraceOnALocalCluster(String name) throws Exception {
        Path local = tmp.resolve(name + "-local.jsonl");
        Path cluster = tmp.resolve(name + "-cluster.jsonl");
        ConformanceTest.assertReproducesSparkTrace(name, "local[2]", local);
        ConformanceTest.assertReproducesSparkTrace(name, "local-cluster[3]", cluster);
        assertEquals(Files.readAllLines(local), Files.readAllLines(cluster));
    }

    @Test
    void shouldWriteTheSameTraceOnALocalClusterAsInLocalMode() throws Exception {
        Path in = tmp.resolve("logreg.csv");
        StringBuilder csv = new StringBuilder("label,a,b\n");
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 600; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            csv.append(a + 0.5 * b + 0.3 * rnd.nextGaussian() > 0 ? 1 : 0).append(',').append(a).append(',')
                    .append(b).append('\n');
        }
        Files.writeString(in, csv);
        Path local = tmp.resolve("local.jsonl");
        Path cluster = tmp.resolve("cluster.jsonl");
        String[] common = {"train", "--algorithm", "logreg", "--input", in.toString(), "--batch-size", "100",
            "--partitions", "3", "-q", "--trace"};
        CliRun l = CliRun.of(concat(common, local.toString(), "--master", "local[2]"));
        assertEquals(0, l.status(), l.err());
        String[] verbose = java.util.Arrays.stream(common).filter(a -> !a.equals("-q")).toArray(String[]::new);
        CliRun c = CliRun.of(concat(verbose, cluster.toString(), "--master", "local-cluster[3]"));
        assertEquals(0, c.status(), c.err());
        // per-worker task metrics of the run: three workers, each with its tasks and their time
        long workersReported = c.err().lines().filter(line -> line.matches("train: worker \\d+ \\(pid \\d+ on .+\\) ran"
                + " \\d+ tasks in \\d+\\.\\d\\d s")).count();
        assertEquals(3, workersReported, c.err());
        List<String> expected = Files.readAllLines(local);
        assertEquals(6, expected.size());
        assertEquals(expected, Files.readAllLines(cluster));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
