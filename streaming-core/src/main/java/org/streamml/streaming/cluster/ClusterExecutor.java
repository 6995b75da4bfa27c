package org.streamml.streaming.cluster;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.StreamingException;

/**
 * The executor that runs partition tasks on worker processes: the driver listens for workers, sends
 * each task (the encoded function and that partition's input) to a worker with a free core, and
 * returns the results in partition order. A worker that dies or stops answering loses nothing: its
 * running tasks run again on the others, so the batch completes with the same result; a batch fails only
 * when no worker is left for {@link ClusterOptions#noWorkerTimeoutMillis()}. Workers may join at any
 * time and get tasks from then on.
 *
 * <p>Driver-side tasks given as {@link BatchExecutor.PartitionTask}s (closures over driver state) run
 * on a local thread pool of the driver, which also encodes task inputs and decodes results; only
 * {@link #runOnPartitions} work is shipped.
 *
 * <pre>{@code
 * try (ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults());
 *      StreamingContext ssc = new StreamingContext(options.withExecutor(cluster))) { ... }
 * }</pre>
 */
public final class ClusterExecutor implements BatchExecutor {

    /**
     * A connected worker.
     *
     * @param id the driver's number for it, from 1
     * @param host the worker's host name
     * @param pid the worker's process id
     * @param cores its task slots
     * @param tasks the tasks it completed
     * @param taskMillis the time its completed tasks ran, in total
     */
    public record WorkerInfo(int id, String host, long pid, int cores, long tasks, long taskMillis) {
    }

    private final ClusterOptions options;
    private final Serialization serialization;
    private final TaskScheduler scheduler;
    private final DriverServer server;
    private final LocalExecutor driverTasks;
    private volatile LocalCluster spawned;
    private volatile boolean closed;

    private ClusterExecutor(ClusterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.serialization = new Serialization(options.classes());
        this.scheduler = new TaskScheduler(options);
        this.server = new DriverServer(options, serialization, CodeVersion.current(), scheduler);
        this.driverTasks = LocalExecutor.perProcessor();
        Wire.LOG.log(System.Logger.Level.INFO, "cluster driver listening on " + server.address());
    }

    /** A driver that listens for workers as {@code options} say ({@code cluster://host:port}). */
    public static ClusterExecutor listen(ClusterOptions options) {
        return new ClusterExecutor(options);
    }

    /**
     * A driver with {@code workers} worker processes of {@code coresPerWorker} cores each started on this
     * machine (same Java, same class path) and stopped on {@link #close()}; returns once all joined.
     *
     * @throws StreamingException if they do not all join within a minute
     */
    public static ClusterExecutor localCluster(int workers, int coresPerWorker, ClusterOptions options) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        if (coresPerWorker < 1) {
            throw new IllegalArgumentException("cores per worker must be >= 1: " + coresPerWorker);
        }
        ClusterOptions o = options.secret() == null ? options.withSecret(LocalCluster.randomSecret()) : options;
        ClusterExecutor ex = new ClusterExecutor(o);
        try {
            ex.spawned = LocalCluster.start(workers, coresPerWorker, ex.address(), o);
            if (!ex.awaitWorkers(workers, 60_000)) {
                throw new StreamingException("only " + ex.workers().size() + " of " + workers
                        + " local worker processes joined within 60 s; their logs end with:" + ex.spawned.logTails());
            }
            return ex;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            throw new StreamingException("interrupted while starting local workers", e);
        } catch (RuntimeException e) {
            ex.close();
            throw e;
        }
    }

    /** The address workers connect to. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The settings of this driver. */
    public ClusterOptions options() {
        return options;
    }

    /** The connected workers, in the order they joined. */
    public List<WorkerInfo> workers() {
        return scheduler.workers();
    }

    /** The worker processes this driver started ({@link #localCluster}), or an empty list. */
    public List<ProcessHandle> localWorkerProcesses() {
        LocalCluster lc = spawned;
        return lc == null ? List.of() : lc.processes();
    }

    /** Waits at most {@code timeoutMillis} until {@code n} workers are connected; returns whether they are. */
    public boolean awaitWorkers(int n, long timeoutMillis) throws InterruptedException {
        return scheduler.awaitWorkers(n, timeoutMillis);
    }

    @Override
    public <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new IllegalStateException("the cluster executor is closed");
        }
        byte[] function = encode(f, "the task function");
        List<byte[]> encoded = driverTasks.runTasks(inputs.size(), i -> encode(inputs.get(i), "partition " + i));
        for (int i = 0; i < inputs.size(); i++) {
            long size = (long) function.length + encoded.get(i).length + 64;
            if (size > options.maxFrameBytes()) {
                throw new IllegalArgumentException("partition " + i + " needs a task message of " + size
                        + " bytes, over the maximum frame size " + options.maxFrameBytes()
                        + " (ClusterOptions.withMaxFrameBytes, or use more partitions)");
            }
        }
        TaskScheduler.Job job = scheduler.submit(function, encoded);
        try {
            scheduler.await(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamingException("interrupted while waiting for partition tasks", e);
        }
        if (job.fatal != null) {
            throw new StreamingException("cluster batch failed: " + job.fatal);
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (job.errors[i] != null) {
                throw new RemoteTaskException(i, job.workers[i], job.errors[i]);
            }
        }
        return driverTasks.runTasks(inputs.size(), i -> {
            @SuppressWarnings("unchecked")
            R r = (R) serialization.deserialize(job.results[i]);
            return r;
        });
    }

    private byte[] encode(Object value, String what) {
        try {
            return serialization.serialize(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot send " + what + " to workers: " + e.getMessage(), e);
        }
    }

    /** Runs driver-side tasks on a local thread pool of the driver (they cannot leave this process). */
    @Override
    public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
        return driverTasks.runTasks(numTasks, task);
    }

    /** Checks that {@code function} encodes with this cluster's registrations. */
    @Override
    public void checkShippable(String operation, Object function) {
        try {
            serialization.serialize(function);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the function of " + operation + " cannot be sent to workers: "
                    + e.getMessage() + " (functions must be lambdas of the engine's serializable interfaces that"
                    + " capture only registered types)", e);
        }
    }

    /** The task slots of the connected workers (at least 1). */
    @Override
    public int parallelism() {
        return Math.max(1, scheduler.cores());
    }

    /** Stops listening, disconnects the workers (which then exit) and stops local worker processes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.closing();
        server.close();
        LocalCluster lc = spawned;
        if (lc != null) {
            lc.close();
        }
        driverTasks.close();
    }
}
