package org.streamml.streaming;

import java.util.List;
import java.util.Objects;

/**
 * A view of an executor that several contexts share, one after another (a cluster started once for
 * many jobs, or for a test class): everything is forwarded except {@link #close()}, which does nothing,
 * so closing a context leaves the shared executor running. The owner closes the executor itself.
 *
 * <pre>{@code
 * try (ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1, ClusterOptions.defaults())) {
 *     for (Job job : jobs) {
 *         try (StreamingContext ssc = new StreamingContext(options.withExecutor(new SharedExecutor(cluster)))) { ... }
 *     }
 * }
 * }</pre>
 */
public final class SharedExecutor implements BatchExecutor {
    private final BatchExecutor delegate;

    /** A view of {@code delegate} that is not closed with the context using it. */
    public SharedExecutor(BatchExecutor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The shared executor. */
    public BatchExecutor delegate() {
        return delegate;
    }

    @Override
    public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
        return delegate.runTasks(numTasks, task);
    }

    @Override
    public <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
        return delegate.runOnPartitions(inputs, f);
    }

    @Override
    public <I, R> List<List<R>> computePartitions(List<I> inputs, PartitionFunction<I, List<R>> f) {
        return delegate.computePartitions(inputs, f);
    }

    @Override
    public <I, B, R> List<List<R>> shuffle(List<I> inputs, PartitionFunction<I, List<B>> map, int reducers,
                                           PartitionFunction<List<B>, List<R>> reduce) {
        return delegate.shuffle(inputs, map, reducers, reduce);
    }

    @Override
    public <T> List<List<T>> checkpoint(List<List<T>> partitions) {
        return delegate.checkpoint(partitions);
    }

    @Override
    public List<TaskPlace> taskPlaces() {
        return delegate.taskPlaces();
    }

    @Override
    public void enterBatch(Time time) {
        delegate.enterBatch(time);
    }

    @Override
    public void releaseBatchesUpTo(Time time) {
        delegate.releaseBatchesUpTo(time);
    }

    @Override
    public void checkShippable(String operation, Object function) {
        delegate.checkShippable(operation, function);
    }

    @Override
    public int parallelism() {
        return delegate.parallelism();
    }

    /** Does nothing: the owner of the shared executor closes it. */
    @Override
    public void close() {
    }
}
