package org.streamml.streaming.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.streamml.streaming.BatchExecutor;
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
    private final BlockClient fetcher;
    private final AtomicLong blockIds = new AtomicLong();
    private final AtomicLong taskBytes = new AtomicLong();
    private final AtomicLong resultBytes = new AtomicLong();
    private final AtomicLong fetchedBytes = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Queue<KeptBlock<?>>> blocksByBatch = new ConcurrentSkipListMap<>();
    private volatile long currentBatch = Long.MIN_VALUE;
    private final KeptBlock.Owner blocks = new KeptBlock.Owner() {
        @Override
        public List<?> fetch(KeptBlock<?> block) {
            return ClusterExecutor.this.fetch(block);
        }

        @Override
        public void release(KeptBlock.Location location) {
            if (!closed) {
                scheduler.release(location);
            }
        }
    };
    private volatile LocalCluster spawned;
    private volatile boolean closed;

    private ClusterExecutor(ClusterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.scheduler = new TaskScheduler(options);
        this.serialization = new Serialization(options.classes()).withDirectory(scheduler);
        this.server = new DriverServer(options, serialization, CodeVersion.current(), scheduler);
        this.driverTasks = LocalExecutor.perProcessor();
        this.fetcher = new BlockClient(options.secret(), options.maxFrameBytes(), options.heartbeatIntervalMillis(),
                options.heartbeatTimeoutMillis());
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
        return new Traffic(taskBytes.get(), resultBytes.get(), fetchedBytes.get());
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
        if (inputs.isEmpty()) {
            return List.of();
        }
        Outcome o = run(encode(f, "the task function"), inputs, false);
        return decode(o, inputs.size());
    }

    private <R> List<R> decode(Outcome o, int n) {
        long bytes = 0;
        for (byte[] r : o.results) {
            bytes += r.length;
        }
        BatchExecutor.PartitionTask<R> decode = i -> {
            @SuppressWarnings("unchecked")
            R r = (R) serialization.deserialize(o.results[i]);
            return r;
        };
        // Small results (partition aggregates) decode faster here than with a hand-off to other threads.
        return bytes < SMALL_BYTES ? INLINE.runTasks(n, decode) : driverTasks.runTasks(n, decode);
    }

    /**
     * Runs the tasks on the workers and keeps each result (a partition) in the memory of the worker that
     * computed it; returns handles that know each partition's size, reference it when passed to later
     * tasks (which then run on that worker) and fetch its records only when the driver reads them.
     */
    @Override
    public <I, R> List<List<R>> computePartitions(List<I> inputs, PartitionFunction<I, List<R>> f) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        byte[] function = encode(f, "the task function");
        Outcome o = run(function, inputs, true);
        List<List<R>> out = new ArrayList<>(inputs.size());
        Queue<KeptBlock<?>> batch = currentBatch == Long.MIN_VALUE ? null
                : blocksByBatch.computeIfAbsent(currentBatch, t -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < inputs.size(); i++) {
            KeptBlock<R> block = new KeptBlock<>(blocks, new KeptBlock.Location(o.workers[i], o.blockIds[i]),
                    o.sizes[i], new KeptBlock.Lineage(function, inputs.get(i)));
            if (batch != null) {
                batch.add(block);
            }
            out.add(block);
        }
        return out;
    }

    /**
     * Reads the kept partitions among {@code partitions} into the driver and makes that copy their
     * lineage: a partition lost later is rebuilt from the copy instead of from the partitions it was
     * computed from, which the driver may then forget.
     */
    @Override
    public <T> List<List<T>> checkpoint(List<List<T>> partitions) {
        byte[] identity = null;
        for (List<T> p : partitions) {
            if (p instanceof KeptBlock<T> block) {
                if (identity == null) {
                    identity = encode(IDENTITY, "the checkpoint function");
                }
                block.truncate(new KeptBlock.Lineage(identity, block.records()));
            }
        }
        return partitions;
    }

    private static final PartitionFunction<List<Object>, List<Object>> IDENTITY = records -> records;
    private static final int SMALL_BYTES = 64 * 1024;
    private static final LocalExecutor INLINE = new LocalExecutor(1);

    /** Whether every input is a kept partition or a pair of such (references, cheap to encode). */
    private static boolean allKept(List<?> inputs) {
        for (Object in : inputs) {
            Object first = in instanceof org.streamml.streaming.Pair<?, ?> p ? p.key() : in;
            if (!(first instanceof KeptBlock<?>)) {
                return false;
            }
        }
        return true;
    }

    /** Partitions kept from now on belong to batch {@code time}. */
    @Override
    public void enterBatch(Time time) {
        currentBatch = time.millis();
    }

    /**
     * Tells the workers to drop the partitions kept for batches at or before {@code time} (a partition
     * that is needed again after all is recomputed from its lineage). Partitions kept outside a batch are
     * dropped when the driver no longer references them.
     */
    @Override
    public void releaseBatchesUpTo(Time time) {
        Map<Long, Queue<KeptBlock<?>>> done = blocksByBatch.headMap(time.millis(), true);
        for (Queue<KeptBlock<?>> batch : done.values()) {
            for (KeptBlock<?> b : batch) {
                blocks.release(b.location());
            }
        }
        done.clear();
        if (time.millis() == Long.MAX_VALUE) {
            currentBatch = Long.MIN_VALUE;
        }
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

    /** The outcome of the tasks of one call: encoded results, or where the kept results are. */
    private static final class Outcome {
        final byte[][] results;
        final int[] sizes;
        final int[] workers;
        final long[] blockIds;

        Outcome(int n) {
            results = new byte[n][];
            sizes = new int[n];
            workers = new int[n];
            blockIds = new long[n];
        }
    }

    /** One encoded task input, the worker holding the block it reads, and the blocks it references. */
    private record Input(byte[] bytes, int preferred, Map<Long, KeptBlock<?>> refs) {
    }

    /**
     * Runs {@code function} on every input on the workers. A task that reports a missing input block (its
     * holder died or evicted it) has that block recomputed from its lineage and runs again; inputs
     * referencing blocks of workers already gone are repaired before they are sent.
     */
    private Outcome run(byte[] function, List<?> inputs, boolean keep) {
        if (closed) {
            throw new IllegalStateException("the cluster executor is closed");
        }
        int n = inputs.size();
        Outcome out = new Outcome(n);
        int[] todo = java.util.stream.IntStream.range(0, n).toArray();
        for (int round = 1; ; round++) {
            // round counts the attempts since the last one in which some task completed
            int[] parts = todo;
            BatchExecutor.PartitionTask<Input> encode = k -> encodeInput(inputs.get(parts[k]), parts[k]);
            // Inputs that are only references to kept partitions encode faster here than on other threads.
            List<Input> encoded = allKept(inputs) ? INLINE.runTasks(parts.length, encode)
                    : driverTasks.runTasks(parts.length, encode);
            byte[][] bytes = new byte[n][];
            int[] preferred = new int[n];
            long[] keepAs = new long[n];
            for (int k = 0; k < parts.length; k++) {
                int p = parts[k];
                bytes[p] = encoded.get(k).bytes();
                preferred[p] = encoded.get(k).preferred();
                keepAs[p] = keep ? blockIds.incrementAndGet() : 0;
                long size = (long) function.length + bytes[p].length + 64;
                if (size > options.maxFrameBytes()) {
                    throw new IllegalArgumentException("partition " + p + " needs a task message of " + size
                            + " bytes, over the maximum frame size " + options.maxFrameBytes()
                            + " (ClusterOptions.withMaxFrameBytes, or use more partitions)");
                }
            }
            long sent = function.length;
            for (int p : parts) {
                sent += bytes[p].length;
            }
            taskBytes.addAndGet(sent);
            TaskScheduler.Job job = scheduler.submit(function, n, parts, bytes, preferred, keepAs);
            try {
                scheduler.await(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamingException("interrupted while waiting for partition tasks", e);
            }
            if (job.fatal != null) {
                throw new StreamingException("cluster batch failed: " + job.fatal);
            }
            for (int p : parts) {
                if (job.errors[p] != null) {
                    throw new RemoteTaskException(p, job.workers[p], job.errors[p]);
                }
            }
            List<Integer> again = new ArrayList<>();
            for (int k = 0; k < parts.length; k++) {
                int p = parts[k];
                long missing = job.missing[p];
                if (missing > 0) {
                    again.add(p);
                    KeptBlock<?> lost = encoded.get(k).refs().get(missing);
                    if (lost != null) {
                        recover(lost, missing);
                    }
                } else {
                    out.results[p] = job.results[p];
                    if (job.results[p] != null) {
                        resultBytes.addAndGet(job.results[p].length);
                    }
                    out.sizes[p] = job.keptSizes[p];
                    out.workers[p] = job.workers[p];
                    out.blockIds[p] = keepAs[p];
                }
            }
            if (again.isEmpty()) {
                return out;
            }
            if (again.size() < parts.length) {
                round = 0;
            } else if (round >= options.maxTaskAttempts()) {
                throw new StreamingException("cluster batch failed: partition " + again.get(0) + " could not read block "
                        + job.missing[again.get(0)] + " after " + round + " attempts to recompute it");
            }
            todo = again.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Encodes one task input; first recomputes every block it references whose worker is gone (unless the
     * driver has its records, which then travel inline).
     */
    private Input encodeInput(Object input, int partition) {
        for (int attempt = 1; ; attempt++) {
            Map<Long, KeptBlock<?>> refs = new HashMap<>();
            int[] preferred = {0};
            KeptBlock<?>[] dead = {null};
            byte[] bytes;
            try {
                bytes = serialization.serializeCollecting(input, ref -> {
                    KeptBlock<?> b = ref instanceof KeptBlock.BucketRef br ? br.output() : (KeptBlock<?>) ref;
                    KeptBlock.Location at = b.location();
                    refs.put(at.blockId(), b);
                    boolean alive = scheduler.alive(at.workerId());
                    if (!alive && b.fetchedRecords() == null && dead[0] == null) {
                        dead[0] = b;
                    }
                    if (alive && preferred[0] == 0 && ref instanceof KeptBlock<?>) {
                        preferred[0] = at.workerId();
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot send partition " + partition + " to workers: "
                        + e.getMessage(), e);
            }
            if (dead[0] == null) {
                return new Input(bytes, preferred[0], refs);
            }
            if (attempt > options.maxTaskAttempts()) {
                throw new StreamingException("cluster batch failed: the input blocks of partition " + partition
                        + " were lost " + attempt + " times");
            }
            recover(dead[0], dead[0].location().blockId());
        }
    }

    /**
     * Computes {@code block} again from its lineage on a connected worker, unless that was already done
     * (its location is no longer {@code lostId}).
     */
    private void recover(KeptBlock<?> block, long lostId) {
        synchronized (block) {
            KeptBlock.Location lost = block.location();
            if (lost.blockId() != lostId) {
                return;
            }
            Wire.LOG.log(System.Logger.Level.INFO, "recomputing block " + lostId + " (not available on worker "
                    + lost.workerId() + ") from its lineage");
            Outcome o = run(block.lineage().function(), Collections.singletonList(block.lineage().input()), true);
            if (o.sizes[0] != block.size()) {
                throw new StreamingException("recomputing block " + lostId + " gave " + o.sizes[0] + " records instead of "
                        + block.size() + ": a task function is not deterministic");
            }
            block.relocate(lost, new KeptBlock.Location(o.workers[0], o.blockIds[0]));
        }
    }

    /** Reads a kept block's records from its worker, recomputing the block where it is gone. */
    private List<?> fetch(KeptBlock<?> block) {
        for (int attempt = 1; ; attempt++) {
            KeptBlock.Location at = block.location();
            HostPort server = scheduler.blockServer(at.workerId());
            try {
                if (server == null) {
                    throw new BlockMissingException(at.blockId(), "worker " + at.workerId() + " is gone");
                }
                byte[] data = fetcher.fetch(server.host(), server.port(), at.blockId(), -1);
                fetchedBytes.addAndGet(data.length);
                return (List<?>) serialization.deserialize(data);
            } catch (BlockMissingException e) {
                if (attempt >= options.maxTaskAttempts()) {
                    throw new StreamingException("cannot read a kept partition: " + e.getMessage());
                }
                recover(block, at.blockId());
            }
        }
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
        fetcher.close();
        LocalCluster lc = spawned;
        if (lc != null) {
            lc.close();
        }
        driverTasks.close();
    }
}
