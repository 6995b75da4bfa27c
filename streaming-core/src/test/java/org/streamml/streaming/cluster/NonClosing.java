package org.streamml.streaming.cluster;

import java.util.List;
import org.streamml.streaming.BatchExecutor;

/** An executor shared by several contexts in a test: everything but {@link #close()} is delegated. */
final class NonClosing implements BatchExecutor {
    private final BatchExecutor delegate;

    NonClosing(BatchExecutor delegate) {
        this.delegate = delegate;
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

    @Override
    public void close() {
    }
}
