package org.streamml.streaming;

import java.util.List;

/**
 * Runs the per-partition tasks of a batch. {@link LocalExecutor} (a thread pool, one task per
 * partition) is the embedded default; a cluster executor runs the same tasks on worker processes.
 * Results never depend on which executor runs them.
 */
public interface BatchExecutor extends AutoCloseable {

    /** One task: computes the result for partition {@code partition}. */
    @FunctionalInterface
    interface PartitionTask<R> {
        /** Computes the result for one partition. */
        R run(int partition) throws Exception;
    }

    /**
     * Runs {@code task} for partitions {@code 0 .. numTasks-1} and returns their results in partition
     * order. If tasks fail, the failure of the lowest-numbered failing partition is rethrown: a
     * {@link RuntimeException} or {@link Error} as it was, a checked exception wrapped in a
     * {@link StreamingException}.
     */
    <R> List<R> runTasks(int numTasks, PartitionTask<R> task);

    /** How many tasks can run at once. */
    int parallelism();

    /** Releases the executor's threads; idempotent. */
    @Override
    void close();
}
