package org.streamml.streaming.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.BatchExecutor.PartitionFunction;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.StreamingException;
import org.streamml.streaming.Time;

/**
 * The driver's jobs on a cluster: runs a function on a list of partition inputs as tasks on the
 * workers (through the {@link TaskScheduler}), either bringing the results back or keeping them on the
 * workers as blocks ({@link KeptBlock} handles), and keeps those blocks whole: a block whose worker is
 * gone, or that a task reports missing, is computed again from its lineage before the task that needs
 * it runs again. Also releases the blocks of forgotten batches, checkpoints state blocks and counts the
 * bytes the driver moves.
 */
final class Jobs implements AutoCloseable {
    private final ClusterOptions options;
    private final Serialization serialization;
    private final TaskScheduler scheduler;
    private final LocalExecutor driverTasks;
    private final BlockClient fetcher;
    private final AtomicLong blockIds = new AtomicLong();
    private final AtomicLong taskBytes = new AtomicLong();
    private final AtomicLong resultBytes = new AtomicLong();
    private final AtomicLong fetchedBytes = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Queue<KeptBlock<?>>> blocksByBatch = new ConcurrentSkipListMap<>();
    private volatile long currentBatch = Long.MIN_VALUE;
    private volatile boolean closed;
    private final KeptBlock.Owner blocks = new KeptBlock.Owner() {
        @Override
        public List<?> fetch(KeptBlock<?> block) {
            return Jobs.this.fetch(block);
        }

        @Override
        public void release(KeptBlock.Location location) {
            if (!closed) {
                scheduler.release(location);
            }
        }
    };

    Jobs(ClusterOptions options, Serialization serialization, TaskScheduler scheduler, LocalExecutor driverTasks) {
        this.options = options;
        this.serialization = serialization;
        this.scheduler = scheduler;
        this.driverTasks = driverTasks;
        this.fetcher = new BlockClient(options.secret(), options.maxFrameBytes(), options.heartbeatIntervalMillis(),
                options.heartbeatTimeoutMillis());
    }

    /** The results of {@code f} on every input, computed on the workers, in partition order. */
    <I, R> List<R> results(List<I> inputs, PartitionFunction<I, R> f) {
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
    <I, R> List<List<R>> keep(List<I> inputs, PartitionFunction<I, List<R>> f) {
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
    <T> List<List<T>> checkpoint(List<List<T>> partitions) {
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
    void enterBatch(Time time) {
        currentBatch = time.millis();
    }

    /**
     * Tells the workers to drop the partitions kept for batches at or before {@code time} (a partition
     * that is needed again after all is recomputed from its lineage). Partitions kept outside a batch are
     * dropped when the driver no longer references them.
     */
    void releaseBatchesUpTo(Time time) {
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

    /** The bytes the driver has moved since it started. */
    ClusterExecutor.Traffic traffic() {
        return new ClusterExecutor.Traffic(taskBytes.get(), resultBytes.get(), fetchedBytes.get());
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
        int[] remaining = java.util.stream.IntStream.range(0, n).toArray();
        for (int round = 1; ; round++) {
            // round counts the attempts since the last one in which some task completed
            int[] parts = remaining;
            BatchExecutor.PartitionTask<Input> encode = k -> encodeInput(inputs.get(parts[k]), parts[k]);
            // Inputs that are only references to kept partitions encode faster here than on other threads.
            List<Input> encoded = allKept(inputs) ? INLINE.runTasks(parts.length, encode)
                    : driverTasks.runTasks(parts.length, encode);
            byte[][] bytes = new byte[n][];
            int[] preferred = new int[n];
            long[] keepAs = new long[n];
            long sent = function.length;
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
            remaining = again.stream().mapToInt(Integer::intValue).toArray();
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
            Wire.LOG.info("recomputing block " + lostId + " (not available on worker "
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

    /** Stops fetching and releasing; the executor closes the scheduler and the server. */
    @Override
    public void close() {
        closed = true;
        fetcher.close();
    }
}
