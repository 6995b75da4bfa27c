package org.streamml.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded executor: a fixed set of daemon worker threads, one task per partition. The calling thread
 * takes part (it starts with partition 0), so a one-partition batch never changes thread. Jobs reach the
 * workers without a queue ({@link WorkerPool}: workers spin briefly for the next job, then park), so the
 * back-to-back jobs of an iterative learner cost microseconds each. A task that itself asks for parallel
 * work (nested use) runs that work inline, so the pool can never deadlock on itself.
 */
public final class LocalExecutor implements BatchExecutor {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int threads;
    private final WorkerPool pool;
    private final ThreadGroup group;

    /** An executor with {@code threads} (>= 1) worker threads. */
    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
        int poolId = POOL_IDS.incrementAndGet();
        this.group = new ThreadGroup("streamml-exec-" + poolId);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(group, r, "streamml-exec-" + poolId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = threads > 1 ? new WorkerPool(threads - 1, factory) : null;
    }

    /** An executor with one thread per available processor. */
    public static LocalExecutor perProcessor() {
        return new LocalExecutor(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public int parallelism() {
        return threads;
    }

    /**
     * Runs the tasks on the calling thread and up to {@code threads - 1} worker threads, each taking the
     * next partition not yet started until none is left, so P partitions keep all threads busy whatever P
     * is. After a failure no further partition starts; the lowest-numbered failure is rethrown (every
     * lower partition has started by then, partitions being handed out in order).
     */
    @Override
    public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
        if (numTasks == 0) {
            return List.of();
        }
        if (pool == null || numTasks == 1 || Thread.currentThread().getThreadGroup() == group
                || pool.isInsideJob()) {
            return runInline(numTasks, task);
        }
        WorkerPool.Job<R> job = new WorkerPool.Job<>(task, numTasks);
        pool.run(job);
        for (Throwable t : job.errors) {
            if (t != null) {
                throw rethrow(t);
            }
        }
        List<R> out = new ArrayList<>(numTasks);
        for (Object r : job.results) {
            @SuppressWarnings("unchecked")
            R typed = (R) r;
            out.add(typed);
        }
        return out;
    }

    private static <R> List<R> runInline(int numTasks, PartitionTask<R> task) {
        List<R> results = new ArrayList<>(numTasks);
        for (int p = 0; p < numTasks; p++) {
            try {
                results.add(task.run(p));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
        return results;
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new StreamingException(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
    }

    /** Stops the worker threads and waits (up to ten seconds) for them to end, unless called from one. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close(Thread.currentThread().getThreadGroup() == group ? 0 : 10_000);
        }
    }
}
