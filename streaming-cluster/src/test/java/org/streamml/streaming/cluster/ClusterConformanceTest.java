package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.Masters;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.testkit.ConformancePipelines;
import org.streamml.streaming.testkit.ExecutorConformanceSuite;

/**
 * The executor conformance suite on three worker processes ({@code local-cluster[3]}, created through the
 * generic {@link Masters} path): every case gives the same trace as {@code local[2]}, the workers ran its
 * tasks and no worker was lost.
 */
@Tag("slow")
class ClusterConformanceTest extends ExecutorConformanceSuite {
    private LogCapture logs;
    private ClusterExecutor cluster;
    private long tasksBefore;

    @BeforeAll
    void startCluster() {
        logs = new LogCapture();
        cluster = (ClusterExecutor) Masters.create("local-cluster[3]");
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
        logs.close();
    }

    @Override
    protected BatchExecutor executorUnderTest() {
        return SharedExecutor.of(cluster);
    }

    private long workerTasks() {
        return cluster.workers().stream().mapToLong(ClusterExecutor.WorkerInfo::tasks).sum();
    }

    @Override
    protected void beforeCase(ConformancePipelines.Case c) {
        tasksBefore = workerTasks();
    }

    @Override
    protected void afterCase(ConformancePipelines.Case c) {
        assertTrue(workerTasks() > tasksBefore, "the workers ran the tasks of " + c);
        assertEquals(3, cluster.workers().size(), "no worker was lost");
    }
}
