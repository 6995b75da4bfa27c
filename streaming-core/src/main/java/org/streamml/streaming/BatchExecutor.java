package org.streamml.streaming;

import java.io.Serializable;
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

    /**
     * A task that can travel to another process: a serializable function of one partition's input. The
     * input and the result must be serializable by the executor too (see the cluster package).
     */
    @FunctionalInterface
    interface PartitionFunction<I, R> extends Serializable {
        /** Computes the result for one partition's input. */
        R apply(I input) throws Exception;
    }

    /**
     * Applies {@code f} to every element of {@code inputs} (one per partition) and returns the results
     * in partition order, with the failure rules of {@link #runTasks}. Only input i and the function
     * need to reach the place that runs task i, so a cluster executor ships them to its workers; the
     * default runs them as local tasks.
     */
    default <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
        return runTasks(inputs.size(), i -> f.apply(inputs.get(i)));
    }

    /**
     * Checks, before a stream starts, that the function of operation {@code operation} can be shipped
     * by this executor; throws an {@link IllegalArgumentException} naming the operation if it cannot.
     * The default accepts everything (local tasks never leave the process).
     */
    default void checkShippable(String operation, Object function) {
    }

    /** How many tasks can run at once. */
    int parallelism();

    /** Releases the executor's threads; idempotent. */
    @Override
    void close();
}
