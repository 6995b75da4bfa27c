package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamml.streaming.testkit.TestDriver;

class MastersTest {
    private static final String KNOWN = "local, local[N], local[*]: module streaming-core;"
            + " recording[NAME]: module streaming-core-tests;"
            + " local-cluster[N], local-cluster[N,C], cluster://HOST:PORT: module streaming-cluster (not on the class"
            + " path); spark://HOST:PORT, spark-local[N]: module streaming-spark (not on the class path)";

    @Test
    void shouldMakeLocalExecutorsOfTheLocalForms() {
        for (Map.Entry<String, Integer> e : Map.of("local", 1, "local[3]", 3, " local[*] ",
                Runtime.getRuntime().availableProcessors()).entrySet()) {
            try (BatchExecutor executor = Masters.create(e.getKey())) {
                assertInstanceOf(LocalExecutor.class, executor, e.getKey());
                assertEquals(e.getValue(), executor.parallelism(), e.getKey());
            }
        }
        assertInstanceOf(LocalExecutorProvider.class, Masters.provider("local[2]"));
    }

    @Test
    void shouldListEveryKnownFormByModuleForAnUnknownMaster() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Masters.create("yarn"));
        assertEquals("unknown master 'yarn'; known masters: " + KNOWN, e.getMessage());
        assertEquals(KNOWN, Masters.knownForms());
    }

    @Test
    void shouldNameTheModuleAWellKnownMasterNeeds() {
        IllegalArgumentException cluster = assertThrows(IllegalArgumentException.class,
                () -> Masters.create("local-cluster[2]"));
        assertEquals("master 'local-cluster[2]' needs module streaming-cluster, which is not on the class path;"
                + " known masters: " + KNOWN, cluster.getMessage());
        IllegalArgumentException spark = assertThrows(IllegalArgumentException.class,
                () -> StreamingContext.Options.defaults().withMaster("spark://host:7077"));
        assertTrue(spark.getMessage().startsWith("master 'spark://host:7077' needs module streaming-spark"),
                spark.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[0]", "local[-1]", "local[x]", "local[]", "local[99999999999]"})
    void shouldRejectMalformedLocalMastersNamingTheInput(String master) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Masters.create(master));
        assertTrue(e.getMessage().contains("master '" + master + "'"), e.getMessage());
    }

    @Test
    void shouldBoundLocalThreadsByTheMachineAndNameTheLimit() {
        int max = LocalExecutorProvider.maxThreads();
        assertEquals(Math.max(4 * Runtime.getRuntime().availableProcessors(), 64), max);
        assertEquals(max, LocalExecutorProvider.threads("local[" + max + "]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamingContext.Options.defaults().withMaster("local[1000000]"));
        assertEquals("invalid master 'local[1000000]': at most " + max + " threads on this machine (max(4 x "
                + Runtime.getRuntime().availableProcessors() + " processors, 64)): 1000000", e.getMessage());
    }

    @Test
    void shouldLetTheContextCreateAndCloseTheExecutorOfItsMaster() throws Exception {
        ExecutorSettings settings = ExecutorSettings.defaults().withWireTypes(String.class, int[].class)
                .withSecret("pass phrase");
        StreamingContext.Options options = StreamingContext.Options.defaults().withClock(new ManualClock())
                .withMaster("recording[ctx]", settings);
        assertEquals("recording[ctx]", options.master());
        try (StreamingContext ssc = new StreamingContext(options)) {
            RecordingExecutorProvider.Recording made = RecordingExecutorProvider.MADE.get("ctx");
            assertTrue(made == ssc.executor(), "the context runs on the executor its master made");
            assertEquals(List.of(String.class, int[].class), made.settings.wireTypes());
            assertEquals("pass phrase", made.settings.secret());
            assertFalse(made.closed);
        }
        assertTrue(RecordingExecutorProvider.MADE.get("ctx").closed, "the context closed the executor it made");
    }

    @Test
    void shouldPreferTheLastOfAnExecutorAndAMaster() {
        try (LocalExecutor given = new LocalExecutor(2)) {
            StreamingContext.Options withMaster = StreamingContext.Options.defaults().withExecutor(given)
                    .withMaster("local[3]");
            assertEquals(null, withMaster.executor());
            StreamingContext.Options withExecutor = withMaster.withExecutor(given);
            assertEquals(null, withExecutor.master());
            assertTrue(withExecutor.executor() == given);
        }
    }

    @Test
    void shouldRunAStreamOnTheExecutorOfAMaster() throws Exception {
        try (TestDriver driver = new TestDriver(3, Masters.create("local[3]"))) {
            Map<Long, List<Integer>> out = driver.collect(driver.input(List.of(List.of(1, 2, 3), List.of(4)))
                    .map(x -> x * 10));
            driver.run(2);
            assertEquals(Map.of(1000L, List.of(10, 20, 30), 2000L, List.of(40)), out);
            assertEquals(3, driver.context().executor().parallelism());
        }
    }
}
