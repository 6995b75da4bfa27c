package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterTest {

    @Test
    void shouldParseEveryForm() {
        assertEquals(new Master(Master.Kind.LOCAL, 4, 0, null), Master.parse("local[4]"));
        assertEquals(1, Master.parse("local").workers(), "as in Spark, local is one thread");
        assertEquals(Runtime.getRuntime().availableProcessors(), Master.parse("local[*]").workers());
        assertEquals(new Master(Master.Kind.LOCAL_CLUSTER, 3, 1, null), Master.parse("local-cluster[3]"));
        assertEquals(new Master(Master.Kind.LOCAL_CLUSTER, 2, 4, null), Master.parse(" local-cluster[2,4] "));
        assertEquals(new Master(Master.Kind.CLUSTER, 0, 0, new HostPort("10.0.0.5", 7077)),
                Master.parse("cluster://10.0.0.5:7077"));
        assertEquals(new HostPort("::1", 7077), Master.parse("cluster://[::1]:7077").address());
        assertFalse(Master.parse("local[2]").isCluster());
        assertTrue(Master.parse("local-cluster[2]").isCluster());
    }

    @Test
    void shouldPrintACanonicalFormThatParsesBack() {
        for (String s : new String[] {"local[3]", "local-cluster[2,1]", "cluster://host:7077", "cluster://[::1]:1"}) {
            assertEquals(s, Master.parse(s).toString());
            assertEquals(Master.parse(s), Master.parse(Master.parse(s).toString()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "remote", "local[0]", "local[-1]", "local[x]", "local-cluster[0]",
        "local-cluster[2,0]", "local-cluster[]", "cluster://", "cluster://host", "cluster://host:99999",
        "cluster://:7077", "local[99999999999]"})
    void shouldRejectMalformedMastersNamingTheInput(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Master.parse(text));
        assertTrue(e.getMessage().contains("master '" + text + "'"), e.getMessage());
    }

    @Test
    void shouldBoundLocalThreadsAndLocalClusterWorkersByTheMachineNamingTheLimit() {
        int threads = org.streamml.streaming.LocalExecutorProvider.maxThreads();
        assertEquals(threads, Master.parse("local[" + threads + "]").workers());
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
                () -> Master.parse("local[" + (threads + 1) + "]"));
        assertTrue(local.getMessage().startsWith("invalid master 'local[" + (threads + 1) + "]': at most " + threads
                + " threads on this machine"), local.getMessage());

        int workers = Master.maxLocalClusterWorkers();
        assertTrue(workers >= Master.MIN_LOCAL_CLUSTER_LIMIT);
        assertEquals(workers, Master.parse("local-cluster[" + workers + "]").workers());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> Master.parse("local-cluster[20000]"));
        assertTrue(many.getMessage().startsWith("invalid master 'local-cluster[20000]': at most " + workers
                + " worker processes on this machine"), many.getMessage());
        IllegalArgumentException cores = assertThrows(IllegalArgumentException.class,
                () -> Master.parse("local-cluster[2," + (threads + 1) + "]"));
        assertTrue(cores.getMessage().contains("at most " + threads + " cores per worker"), cores.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClusterExecutorProvider().validate("local-cluster[20000]"));
    }

    @Test
    void shouldTakeTheEnvironmentSecretOnlyWhenTheOptionsHaveNone() {
        ClusterOptions none = ClusterOptions.defaults();
        assertEquals("from-env", Master.withEnvironmentSecret(none, " from-env\n").secret());
        assertEquals("given", Master.withEnvironmentSecret(none.withSecret("given"), "from-env").secret());
        assertEquals(null, Master.withEnvironmentSecret(none, null).secret());
        assertEquals(null, Master.withEnvironmentSecret(none, "  ").secret());
    }
}
