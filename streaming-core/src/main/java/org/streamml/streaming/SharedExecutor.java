package org.streamml.streaming;

import java.util.List;
import java.util.Objects;

/**
 * A view of an executor that several contexts share, one after another (a cluster started once for
 * many jobs, or for a test class): everything is forwarded except {@link #close()}, which does nothing,
 * so closing a context leaves the shared executor running. The owner closes the executor itself. The view
 * of a {@link DistributedExecutor} is one too, so the engine still calls its hooks.
 *
 * <pre>{@code
 * try (BatchExecutor cluster = Masters.create("local-cluster[3]", ExecutorSettings.defaults())) {
 *     for (Job job : jobs) {
 *         try (StreamingContext ssc = new StreamingContext(options.withExecutor(SharedExecutor.of(cluster)))) { ... }
 *     }
 * }
 * }</pre>
 */
public class SharedExecutor implements BatchExecutor {
    private final BatchExecutor delegate;

    private SharedExecutor(BatchExecutor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * A view of {@code delegate} that is not closed with the context using it; a {@link DistributedExecutor}
     * if {@code delegate} is one.
     */
    public static SharedExecutor of(BatchExecutor delegate) {
        return delegate instanceof DistributedExecutor d ? new Distributed(d) : new SharedExecutor(delegate);
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

    /** The shared view of a distributed executor, forwarding its hooks. */
    private static final class Distributed extends SharedExecutor implements DistributedExecutor {
        private final DistributedExecutor hooks;

        Distributed(DistributedExecutor delegate) {
            super(delegate);
            this.hooks = delegate;
        }

        @Override
        public List<TaskPlace> taskPlaces() {
            return hooks.taskPlaces();
        }

        @Override
        public <T> List<List<T>> checkpoint(List<List<T>> partitions) {
            return hooks.checkpoint(partitions);
        }

        @Override
        public void enterBatch(Time time) {
            hooks.enterBatch(time);
        }

        @Override
        public void releaseBatchesUpTo(Time time) {
            hooks.releaseBatchesUpTo(time);
        }

        @Override
        public void checkShippable(String operation, Object function) {
            hooks.checkShippable(operation, function);
        }
    }
}
