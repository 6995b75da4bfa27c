package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DistributedExecutor;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.Masters;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.testkit.TestDriver;

class ClusterExecutorProviderTest {

    /** A record type no service declares: it reaches the workers only through the settings. */
    public record Celsius(double degrees) {
    }

    @Test
    void shouldBeTheProviderOfTheClusterMastersAndListThemAsPresent() {
        assertInstanceOf(ClusterExecutorProvider.class, Masters.provider("local-cluster[2]"));
        assertInstanceOf(ClusterExecutorProvider.class, Masters.provider(" cluster://10.0.0.5:7077"));
        String known = Masters.knownForms();
        assertTrue(known.contains("local-cluster[N], local-cluster[N,C], cluster://HOST:PORT: module streaming-cluster;"),
                known);
        assertFalse(known.contains("streaming-cluster (not on the class path)"), known);
    }

    @Test
    void shouldExplainAMalformedClusterMasterWithTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamingContext.Options.defaults().withMaster("local-cluster[two]"));
        assertTrue(e.getMessage().startsWith("invalid master 'local-cluster[two]'"), e.getMessage());
    }

    @Test
    void shouldCarryTheWireTypesAndTheSecretOfTheSettings() {
        ClusterOptions options = ClusterExecutorProvider.options(ExecutorSettings.defaults()
                .withWireTypes(Celsius.class).withSecret("pass phrase"));
        assertEquals(List.of(Celsius.class), options.classes());
        assertEquals("pass phrase", options.secret());
        assertEquals(null, ClusterExecutorProvider.options(ExecutorSettings.defaults()).secret());
    }

    @Test
    void shouldListenWithTheSecretOfTheSettings() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (BatchExecutor executor = Masters.create("cluster://127.0.0.1:" + port,
                ExecutorSettings.defaults().withSecret("s3cret").withWireTypes(Celsius.class))) {
            ClusterExecutor driver = assertInstanceOf(ClusterExecutor.class, executor);
            assertEquals(port, driver.address().getPort());
            assertEquals("s3cret", driver.options().secret());
            assertEquals(List.of(Celsius.class), driver.options().classes());
        }
    }

    @Test
    @Tag("slow")
    void shouldSendTheWireTypesOfTheSettingsToLocalWorkersAndStopThemWithTheDriver() throws Exception {
        ClusterExecutor cluster = (ClusterExecutor) Masters.create("local-cluster[1]",
                ExecutorSettings.defaults().withWireTypes(Celsius.class));
        assertInstanceOf(DistributedExecutor.class, cluster);
        List<ProcessHandle> workers = cluster.localWorkerProcesses();
        try (TestDriver driver = new TestDriver(2, cluster)) {
            Map<Long, List<Celsius>> out = driver.collect(driver.input(List.of(List.of(10, 20, 30)))
                    .map(x -> new Celsius(x / 2.0)));
            driver.run(1);
            assertEquals(Map.of(1000L, List.of(new Celsius(5), new Celsius(10), new Celsius(15))), out);
            assertTrue(cluster.workers().get(0).tasks() > 0, "the worker ran the tasks");
        }
        assertEquals(1, workers.size());
        for (ProcessHandle w : workers) {
            w.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
