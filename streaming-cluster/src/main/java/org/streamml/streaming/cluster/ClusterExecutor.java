package org.streamml.streaming.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DistributedExecutor;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.StreamingException;
import org.streamml.streaming.Time;

/**
 * The executor that runs partition tasks on worker processes: the driver listens for workers, sends
 * each task (the encoded function and that partition's input) to a worker with a free core, and
 * returns the results in partition order. A worker that dies or stops answering loses nothing: its
 * running tasks run again on the others, so the batch completes with the same result; a batch fails only
 * when no worker is left for {@link ClusterOptions#noWorkerTimeoutMillis()}. Workers may join at any
 * time and get tasks from then on.
 *
 * <p>Partitions computed by {@link #computePartitions} stay on the worker that computed them and later
 * tasks on them run there; shuffles go from worker to worker; a partition lost with its worker is
 * recomputed from its lineage (see streaming-cluster's {@code README.md}). Driver-side tasks given as
 * {@link BatchExecutor.PartitionTask}s (closures over driver state) run on a local thread pool of the
 * driver.
 *
 * <pre>{@code
 * try (ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults());
 *      StreamingContext ssc = new StreamingContext(options.withExecutor(cluster))) { ... }
 * }</pre>
 */
public final class ClusterExecutor implements DistributedExecutor {

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
    private final Jobs jobs;
    private volatile LocalCluster spawned;
    private volatile boolean closed;

    private ClusterExecutor(ClusterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.scheduler = new TaskScheduler(options);
        this.serialization = new Serialization(options.classes()).withDirectory(scheduler);
        this.server = new DriverServer(options, serialization, CodeVersion.current(), scheduler);
        this.driverTasks = LocalExecutor.perProcessor();
        this.jobs = new Jobs(options, serialization, scheduler, driverTasks);
        Wire.LOG.info("cluster driver listening on " + server.address());
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

    /**
     * The bytes the driver has moved so far: task inputs and functions sent (a function counted once per
     * call), task results received, and kept partitions read back by the driver. With partitioned sources
     * and kept partitions, records do not pass through the driver, and these stay small.
     *
     * @param taskBytesSent encoded task inputs and functions sent to workers
     * @param resultBytesReceived encoded task results received from workers
     * @param blockBytesFetched encoded kept partitions the driver read from workers
     */
    public record Traffic(long taskBytesSent, long resultBytesReceived, long blockBytesFetched) {
    }

    /** The bytes the driver has moved since it started. */
    public Traffic traffic() {
        return jobs.traffic();
    }

    /** The block server of connected worker {@code workerId}, or {@code null} (tests). */
    HostPort blockServer(int workerId) {
        return scheduler.blockServer(workerId);
    }

    /** The address workers connect to. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The settings of this driver. */
    public ClusterOptions options() {
        return options;
    }

    /** Each connected worker's completed tasks and their time, in the order the workers joined. */
    @Override
    public List<TaskPlace> taskPlaces() {
        List<TaskPlace> out = new ArrayList<>();
        for (WorkerInfo w : workers()) {
            out.add(new TaskPlace("worker " + w.id() + " (pid " + w.pid() + " on " + w.host() + ")", w.tasks(),
                    w.taskMillis()));
        }
        return out;
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
        return jobs.results(inputs, f);
    }

    /**
     * Runs the tasks on the workers and keeps each result (a partition) in the memory of the worker that
     * computed it; returns handles that know each partition's size, reference it when passed to later
     * tasks (which then run on that worker) and fetch its records only when the driver reads them.
     */
    @Override
    public <I, R> List<List<R>> computePartitions(List<I> inputs, PartitionFunction<I, List<R>> f) {
        return jobs.keep(inputs, f);
    }

    /**
     * Reads the kept partitions among {@code partitions} into the driver and makes that copy their
     * lineage: a partition lost later is rebuilt from the copy instead of from the partitions it was
     * computed from, which the driver may then forget.
     */
    @Override
    public <T> List<List<T>> checkpoint(List<List<T>> partitions) {
        return jobs.checkpoint(partitions);
    }

    /** Partitions kept from now on belong to batch {@code time}. */
    @Override
    public void enterBatch(Time time) {
        jobs.enterBatch(time);
    }

    /**
     * Tells the workers to drop the partitions kept for batches at or before {@code time} (a partition
     * that is needed again after all is recomputed from its lineage). Partitions kept outside a batch are
     * dropped when the driver no longer references them.
     */
    @Override
    public void releaseBatchesUpTo(Time time) {
        jobs.releaseBatchesUpTo(time);
    }

    /**
     * A shuffle between workers: the map tasks' buckets stay on the workers that made them, and each
     * reduce task fetches its bucket of every map output from those workers (its own from memory).
     */
    @Override
    public <I, B, R> List<List<R>> shuffle(List<I> inputs, PartitionFunction<I, List<B>> map, int reducers,
                                           PartitionFunction<List<B>, List<R>> reduce) {
        List<List<B>> outputs = computePartitions(inputs, map);
        List<List<KeptBlock.BucketRef>> owned = new ArrayList<>(reducers);
        for (int r = 0; r < reducers; r++) {
            List<KeptBlock.BucketRef> mine = new ArrayList<>(outputs.size());
            for (List<B> output : outputs) {
                mine.add(new KeptBlock.BucketRef((KeptBlock<?>) output, r));
            }
            owned.add(mine);
        }
        @SuppressWarnings("unchecked")
        PartitionFunction<List<KeptBlock.BucketRef>, List<R>> reduceBuckets =
                (PartitionFunction<List<KeptBlock.BucketRef>, List<R>>) (PartitionFunction<?, ?>) reduce;
        return computePartitions(owned, reduceBuckets);
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
        jobs.close();
        LocalCluster lc = spawned;
        if (lc != null) {
            lc.close();
        }
        driverTasks.close();
    }
}
