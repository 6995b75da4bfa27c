package org.streamml.streaming.cluster;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The driver's task bookkeeping: the connected workers and their free task slots, the queue of tasks
 * waiting for a slot, and the tasks running on each worker. A lost worker's running tasks go back to the
 * front of the queue and run again elsewhere (their inputs are still here); a result from a lost or
 * superseded attempt is ignored. All state is guarded by this object's monitor, which callers waiting
 * for a job also wait on.
 */
final class TaskScheduler implements DriverServer.Listener, BlockRefSerializer.Directory {

    /** One partition task of a job. */
    static final class Task {
        final Job job;
        final int partition;
        final byte[] input;
        final int preferred;
        final long keepAs;
        int attempts;
        long attemptId;
        int workerId;

        Task(Job job, int partition, byte[] input, int preferred, long keepAs) {
            this.job = job;
            this.partition = partition;
            this.input = input;
            this.preferred = preferred;
            this.keepAs = keepAs;
        }
    }

    /** The tasks of one {@code runOnPartitions} call and their outcomes. */
    static final class Job {
        final long id;
        final byte[] function;
        final byte[][] results;
        final int[] keptSizes;
        final String[] errors;
        final long[] missing;
        final int[] workers;
        final Set<Integer> hasFunction = new HashSet<>();
        int remaining;
        String fatal;
        boolean cancelled;

        Job(long id, byte[] function, int n, int tasks) {
            this.id = id;
            this.function = function;
            this.results = new byte[n][];
            this.keptSizes = new int[n];
            this.errors = new String[n];
            this.missing = new long[n];
            this.workers = new int[n];
            this.remaining = tasks;
        }

        boolean done() {
            return remaining == 0 || fatal != null || cancelled;
        }
    }

    private static final class WorkerState {
        final int id;
        final Channel channel;
        final Message.Register registration;
        final Set<Long> running = new HashSet<>();
        long tasks;
        long taskNanos;

        WorkerState(int id, Channel channel, Message.Register registration) {
            this.id = id;
            this.channel = channel;
            this.registration = registration;
        }

        /**
         * Free task slots: {@link #TASKS_PER_CORE} per core, so a worker always has the next tasks queued
         * behind the running ones and never waits a round trip to the driver between two tasks.
         */
        int free() {
            return registration.cores() * TASKS_PER_CORE - running.size();
        }
    }

    /** Tasks sent to a worker per core of it: one running, the others waiting in its queue. */
    static final int TASKS_PER_CORE = 3;

    private final ClusterOptions options;
    private final Map<Integer, WorkerState> workers = new LinkedHashMap<>();
    private final ArrayDeque<Task> pending = new ArrayDeque<>();
    private final Map<Long, Task> running = new HashMap<>();
    private long nextAttemptId;
    private long nextJobId;
    private long noWorkerSince = System.nanoTime();
    private boolean closing;

    TaskScheduler(ClusterOptions options) {
        this.options = options;
    }

    /**
     * Queues the tasks of partitions {@code partitions} of a job of {@code n} partitions (input
     * {@code inputs[p]}, to run on worker {@code preferred[p]} while it is connected, 0 for any, and to
     * keep its result as block {@code keepAs[p]} when that is > 0), and starts what the free slots allow.
     */
    synchronized Job submit(byte[] function, int n, int[] partitions, byte[][] inputs, int[] preferred,
                            long[] keepAs) {
        Job job = new Job(++nextJobId, function, n, partitions.length);
        for (int p : partitions) {
            pending.add(new Task(job, p, inputs[p], preferred[p], keepAs[p]));
        }
        dispatch();
        return job;
    }

    /** Whether worker {@code workerId} is connected. */
    synchronized boolean alive(int workerId) {
        return workers.containsKey(workerId);
    }

    /** The block server of a connected worker, or {@code null} if it is gone. */
    @Override
    public synchronized HostPort blockServer(int workerId) {
        WorkerState w = workers.get(workerId);
        if (w == null) {
            return null;
        }
        String host = w.channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress()
                : w.registration.host();
        return new HostPort(host, w.registration.blockPort());
    }

    /** Tells a connected worker to drop a block the driver no longer needs. */
    synchronized void release(KeptBlock.Location location) {
        WorkerState w = location == null ? null : workers.get(location.workerId());
        if (w != null && !closing) {
            w.channel.writeAndFlush(new Message.ReleaseBlocks(new long[] {location.blockId()}));
        }
    }

    /**
     * Waits until {@code job} is done, failing it when no worker has been connected for the no-worker
     * timeout; on interruption cancels the job's waiting tasks and rethrows.
     */
    synchronized void await(Job job) throws InterruptedException {
        try {
            while (!job.done()) {
                if (workers.isEmpty()) {
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - noWorkerSince);
                    long left = options.noWorkerTimeoutMillis() - waited;
                    if (left <= 0) {
                        job.fatal = "no worker left to run the partition tasks (waited " + waited
                                + " ms for one to join)";
                        break;
                    }
                    wait(left);
                } else {
                    wait();
                }
            }
        } catch (InterruptedException e) {
            job.cancelled = true;
            throw e;
        } finally {
            if (job.done()) {
                pending.removeIf(t -> t.job == job);
            }
        }
    }

    /** The number of task slots of all connected workers. */
    synchronized int cores() {
        int n = 0;
        for (WorkerState w : workers.values()) {
            n += w.registration.cores();
        }
        return n;
    }

    /** A snapshot of the connected workers. */
    synchronized List<ClusterExecutor.WorkerInfo> workers() {
        List<ClusterExecutor.WorkerInfo> out = new ArrayList<>(workers.size());
        for (WorkerState w : workers.values()) {
            out.add(new ClusterExecutor.WorkerInfo(w.id, w.registration.host(), w.registration.pid(),
                    w.registration.cores(), w.tasks, TimeUnit.NANOSECONDS.toMillis(w.taskNanos)));
        }
        return out;
    }

    /** Waits at most {@code timeoutMillis} until at least {@code n} workers are connected. */
    synchronized boolean awaitWorkers(int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (workers.size() < n) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Marks the driver as shutting down: the workers' disconnections that follow are not losses. */
    synchronized void closing() {
        closing = true;
    }

    @Override
    public synchronized void joined(int workerId, Channel channel, Message.Register registration) {
        workers.put(workerId, new WorkerState(workerId, channel, registration));
        dispatch();
        notifyAll();
    }

    @Override
    public synchronized void lost(int workerId) {
        WorkerState w = workers.remove(workerId);
        if (w == null) {
            return;
        }
        List<Task> again = new ArrayList<>();
        for (long attempt : w.running) {
            Task t = running.remove(attempt);
            if (t != null && !t.job.done()) {
                again.add(t);
            }
        }
        again.sort((a, b) -> Integer.compare(b.partition, a.partition));
        again.forEach(pending::addFirst);
        if (!closing) {
            Wire.LOG.warn("lost worker " + workerId + " (pid " + w.registration.pid()
                    + "); " + again.size() + " running task(s) will run again elsewhere; " + workers.size()
                    + " worker(s) left");
        }
        if (workers.isEmpty()) {
            noWorkerSince = System.nanoTime();
        }
        dispatch();
        notifyAll();
    }

    @Override
    public synchronized void received(int workerId, Message message) {
        long attempt = message instanceof Message.TaskResult r ? r.taskId() : ((Message.TaskFailed) message).taskId();
        Task t = running.get(attempt);
        WorkerState w = workers.get(workerId);
        if (t == null || t.workerId != workerId || w == null) {
            return;
        }
        running.remove(attempt);
        w.running.remove(attempt);
        Job job = t.job;
        if (message instanceof Message.TaskFailed f && f.missingBlock() < 0 && !job.done()) {
            // The worker no longer had the job's function: send it again with the task.
            job.hasFunction.remove(workerId);
            t.attempts--;
            pending.addFirst(t);
            dispatch();
            return;
        }
        if (message instanceof Message.TaskResult r) {
            w.tasks++;
            w.taskNanos += r.nanos();
            job.results[t.partition] = r.result();
            job.keptSizes[t.partition] = r.keptSize();
        } else if (((Message.TaskFailed) message).missingBlock() > 0) {
            job.missing[t.partition] = ((Message.TaskFailed) message).missingBlock();
        } else {
            job.errors[t.partition] = ((Message.TaskFailed) message).error();
        }
        job.workers[t.partition] = workerId;
        job.remaining--;
        dispatch();
        if (job.done()) {
            // Only a finished job has a waiter to wake: one wake-up per job, not one per task.
            notifyAll();
        }
    }

    private void dispatch() {
        Iterator<Task> it = pending.iterator();
        while (it.hasNext()) {
            Task t = it.next();
            if (t.job.done()) {
                it.remove();
                continue;
            }
            WorkerState local = t.preferred > 0 ? workers.get(t.preferred) : null;
            WorkerState w = local != null ? (local.free() > 0 ? local : null) : freest();
            if (w == null) {
                if (local == null) {
                    return;
                }
                continue;
            }
            it.remove();
            if (++t.attempts > options.maxTaskAttempts()) {
                t.job.fatal = "partition " + t.partition + " was started " + options.maxTaskAttempts()
                        + " times and lost its worker each time";
                notifyAll();
                continue;
            }
            t.attemptId = ++nextAttemptId;
            t.workerId = w.id;
            running.put(t.attemptId, t);
            w.running.add(t.attemptId);
            byte[] function = t.job.hasFunction.add(w.id) ? t.job.function : null;
            w.channel.writeAndFlush(new Message.RunTask(t.attemptId, t.job.id, function, t.input, t.keepAs))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    private WorkerState freest() {
        WorkerState best = null;
        for (WorkerState w : workers.values()) {
            if (w.free() > 0 && (best == null || w.free() > best.free())) {
                best = w;
            }
        }
        return best;
    }
}
