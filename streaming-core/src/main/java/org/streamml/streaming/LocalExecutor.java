package org.streamml.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded executor: a fixed pool of daemon threads, one task per partition. The calling thread
 * runs partition 0 itself, so a one-partition batch never changes thread. A task that itself asks for
 * parallel work (nested use) runs that work inline, so the pool can never deadlock on itself.
 */
public final class LocalExecutor implements BatchExecutor {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;
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
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, factory) : null;
    }

    /** An executor with one thread per available processor. */
    public static LocalExecutor perProcessor() {
        return new LocalExecutor(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
        if (numTasks == 0) {
            return List.of();
        }
        if (pool == null || numTasks == 1 || Thread.currentThread().getThreadGroup() == group) {
            return runInline(numTasks, task);
        }
        List<Future<R>> futures = new ArrayList<>(numTasks - 1);
        for (int p = 1; p < numTasks; p++) {
            int partition = p;
            futures.add(pool.submit(() -> task.run(partition)));
        }
        List<R> results = new ArrayList<>(numTasks);
        Throwable first = null;
        try {
            results.add(task.run(0));
        } catch (Throwable t) {
            first = t;
            futures.forEach(f -> f.cancel(true));
        }
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause();
                    futures.forEach(g -> g.cancel(true));
                }
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled after an earlier partition failed; that failure is reported
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(g -> g.cancel(true));
                throw new StreamingException("interrupted while waiting for partition tasks", e);
            }
        }
        if (first != null) {
            throw rethrow(first);
        }
        return results;
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
            pool.shutdownNow();
            if (Thread.currentThread().getThreadGroup() != group) {
                try {
                    pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
