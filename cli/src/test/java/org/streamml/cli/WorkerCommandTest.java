package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Time;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;

class WorkerCommandTest {
    /** The cluster's log (Logback, the command line's binding): off during the test, so that it prints nothing. */
    private static final ch.qos.logback.classic.Logger CLUSTER_LOG =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.streamml.streaming.cluster");

    @AfterEach
    void restoreTheClusterLog() {
        CLUSTER_LOG.setLevel(null);
    }

    @Test
    void shouldRunTasksForTheDriverAndExitWhenItGoesAway(@TempDir Path dir) throws Exception {
        CLUSTER_LOG.setLevel(ch.qos.logback.classic.Level.OFF);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "pass phrase\n");
        CompletableFuture<Integer> status;
        try (ClusterExecutor driver = ClusterExecutor.listen(ClusterOptions.defaults().withSecret("pass phrase"))) {
            status = CompletableFuture.supplyAsync(() -> Main.run("worker", "--master",
                    "127.0.0.1:" + driver.address().getPort(), "--cores", "2", "--secret-file", secret.toString()));
            assertTrue(driver.awaitWorkers(1, 10_000));
            assertEquals(2, driver.workers().get(0).cores());
            List<Integer> doubled = Batch.split(Time.ofMillis(1), List.of(1, 2, 3), 3, driver).map(x -> 2 * x)
                    .collect();
            assertEquals(List.of(2, 4, 6), doubled);
        }
        assertEquals(0, status.get(10, TimeUnit.SECONDS));
    }

    @Test
    void shouldAcceptTheDriversOwnClusterAddress() throws Exception {
        CLUSTER_LOG.setLevel(ch.qos.logback.classic.Level.OFF);
        CompletableFuture<Integer> status;
        try (ClusterExecutor driver = ClusterExecutor.listen(ClusterOptions.defaults())) {
            status = CompletableFuture.supplyAsync(() -> Main.run("worker", "--master",
                    "cluster://127.0.0.1:" + driver.address().getPort(), "--cores", "1"));
            assertTrue(driver.awaitWorkers(1, 10_000));
            assertEquals(List.of(3), Batch.split(Time.ofMillis(1), List.of(1), 1, driver).map(x -> 3 * x).collect());
        }
        assertEquals(0, status.get(10, TimeUnit.SECONDS));
        assertEquals("127.0.0.1:7077", ClusterWorkerRun.driverAddress(" CLUSTER://127.0.0.1:7077").toString());
    }

    @Test
    void shouldExplainAMalformedMasterAddress() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int status;
        try {
            status = Main.run("worker", "--master", "driver-without-port");
        } finally {
            System.setErr(saved);
        }
        assertEquals(1, status);
        assertTrue(err.toString().contains("expected HOST:PORT, got 'driver-without-port'"), err.toString());
    }
}
