package org.streamml.streaming;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the per-partition tasks of a batch. {@link LocalExecutor} (a thread pool, one task per
 * partition) is the embedded default; a cluster executor runs the same tasks on worker processes.
 * Results never depend on which executor runs them: every executor proves it with the conformance suite
 * of streaming-core's test-jar ({@code org.streamml.streaming.testkit.ExecutorConformanceSuite}).
 *
 * <p>Only {@link #runTasks}, {@link #parallelism} and {@link #close} must be written; the other
 * operations default to running local tasks. An executor whose partitions live in other processes also
 * implements {@link DistributedExecutor}, the hooks the engine calls around batches. Executors are chosen
 * by {@code --master} string through {@link ExecutorProvider}s ({@link Masters#create}).
 *
 * <pre>{@code
 * try (BatchExecutor executor = new LocalExecutor(4)) {
 *     List<Integer> sizes = executor.runOnPartitions(List.of("a", "bb", "ccc"), String::length);
 * }
 * }</pre>
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
     * Computes new partitions: like {@link #runOnPartitions}, but each result is a partition that may stay
     * where it was computed. A cluster executor keeps it in the worker's memory and returns a
     * {@link DistributedExecutor.KeptPartition} handle (its size is known; reading its records fetches them; passing it as a
     * task input sends only a reference, and the task runs where the partition is), so a chain of
     * transformations moves no record through the driver. The default returns the results themselves.
     */
    default <I, R> List<List<R>> computePartitions(List<I> inputs, PartitionFunction<I, List<R>> f) {
        return runOnPartitions(inputs, f);
    }

    /**
     * A hash shuffle: {@code map} turns input partition i into {@code reducers} buckets (its records for
     * each output partition, usually already combined per key); output partition r is {@code reduce} of
     * bucket r of every input partition, in input-partition order. The default moves the buckets through
     * this process; a cluster executor keeps them on the workers that made them and each reducer fetches
     * its buckets from those workers.
     */
    default <I, B, R> List<List<R>> shuffle(List<I> inputs, PartitionFunction<I, List<B>> map, int reducers,
                                            PartitionFunction<List<B>, List<R>> reduce) {
        List<List<B>> buckets = runOnPartitions(inputs, map);
        List<List<B>> owned = new ArrayList<>(reducers);
        for (int r = 0; r < reducers; r++) {
            List<B> mine = new ArrayList<>(buckets.size());
            for (List<B> b : buckets) {
                mine.add(b.get(r));
            }
            owned.add(mine);
        }
        return computePartitions(owned, reduce);
    }

    /**
     * A place where tasks run and what ran there (see {@link DistributedExecutor#taskPlaces()}).
     *
     * @param place its name (for a worker: {@code "worker 2 (pid 4242 on host)"})
     * @param tasks the tasks completed there
     * @param taskMillis their total running time
     */
    record TaskPlace(String place, long tasks, long taskMillis) {
    }

    /** How many tasks can run at once. */
    int parallelism();

    /**
     * Checks, before a stream starts, that the function of operation {@code operation} can be shipped to
     * where this executor runs its tasks; throws an {@link IllegalArgumentException} naming the operation if
     * it cannot. An executor of this process's threads ships nothing, so by default this checks nothing.
     */
    default void checkShippable(String operation, Object function) {
    }

    /** Releases the executor's threads; idempotent. */
    @Override
    void close();
}
