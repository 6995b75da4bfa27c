package org.streamml.streaming.cluster;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
final class TaskScheduler implements DriverServer.Listener {

    /** One partition task of a job. */
    static final class Task {
        final Job job;
        final int partition;
        final byte[] input;
        int attempts;
        long attemptId;
        int workerId;

        Task(Job job, int partition, byte[] input) {
            this.job = job;
            this.partition = partition;
            this.input = input;
        }
    }

    /** The tasks of one {@code runOnPartitions} call and their outcomes. */
    static final class Job {
        final byte[] function;
        final byte[][] results;
        final String[] errors;
        final int[] workers;
        int remaining;
        String fatal;
        boolean cancelled;

        Job(byte[] function, int n) {
            this.function = function;
            this.results = new byte[n][];
            this.errors = new String[n];
            this.workers = new int[n];
            this.remaining = n;
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

        int free() {
            return registration.cores() - running.size();
        }
    }

    private final ClusterOptions options;
    private final Map<Integer, WorkerState> workers = new LinkedHashMap<>();
    private final ArrayDeque<Task> pending = new ArrayDeque<>();
    private final Map<Long, Task> running = new HashMap<>();
    private long nextAttemptId;
    private long noWorkerSince = System.nanoTime();
    private boolean closing;

    TaskScheduler(ClusterOptions options) {
        this.options = options;
    }

    /** Queues one task per input and starts what the free slots allow. */
    synchronized Job submit(byte[] function, List<byte[]> inputs) {
        Job job = new Job(function, inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            pending.add(new Task(job, i, inputs.get(i)));
        }
        dispatch();
        return job;
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
            Wire.LOG.log(System.Logger.Level.WARNING, "lost worker " + workerId + " (pid " + w.registration.pid()
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
        if (message instanceof Message.TaskResult r) {
            w.tasks++;
            w.taskNanos += r.nanos();
            job.results[t.partition] = r.result();
        } else {
            job.errors[t.partition] = ((Message.TaskFailed) message).error();
        }
        job.workers[t.partition] = workerId;
        job.remaining--;
        dispatch();
        notifyAll();
    }

    private void dispatch() {
        while (!pending.isEmpty()) {
            WorkerState w = freest();
            if (w == null) {
                return;
            }
            Task t = pending.poll();
            if (t.job.done()) {
                continue;
            }
            if (++t.attempts > options.maxTaskAttempts()) {
                t.job.fatal = "partition " + t.partition + " was started " + options.maxTaskAttempts()
                        + " times and lost its worker each time";
                continue;
            }
            t.attemptId = ++nextAttemptId;
            t.workerId = w.id;
            running.put(t.attemptId, t);
            w.running.add(t.attemptId);
            w.channel.writeAndFlush(new Message.RunTask(t.attemptId, t.job.function, t.input))
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
