package org.streamml.streaming;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker threads of a {@link LocalExecutor}, handed one job at a time without a queue: the caller
 * publishes the job in one volatile field and workers that are spinning for it start at once; a worker
 * that found no job for {@link #SPIN_NANOS} parks and is unparked by the next job. Gradient descent runs
 * its iterations back to back, so every iteration after the first finds the workers still spinning: a job
 * costs a few hundred nanoseconds of hand-off instead of a queue offer, a wake-up and a future per task.
 *
 * <p>Within a job, the caller and the workers take task indices from one counter until none is left; the
 * caller then waits (spinning, then parked) until every task has finished, the last one to finish
 * unparking it. One job runs at a time: a second caller waits for the first job to end; a task that asks the
 * same pool for parallel work (on a worker, or on the caller's thread) runs it inline instead, so the pool
 * never waits on itself.
 */
final class WorkerPool {
    /** How long an idle worker spins for the next job before it parks, and a caller for its job's end. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /** One job: {@code numTasks} tasks, their results and errors by index. */
    static final class Job<R> {
        final BatchExecutor.PartitionTask<R> task;
        final int numTasks;
        final Object[] results;
        final Throwable[] errors;
        final AtomicInteger next = new AtomicInteger();
        /** Tasks that ran, or that will never run after a failure. */
        final AtomicInteger finished = new AtomicInteger();
        final Thread caller = Thread.currentThread();

        Job(BatchExecutor.PartitionTask<R> task, int numTasks) {
            this.task = task;
            this.numTasks = numTasks;
            this.results = new Object[numTasks];
            this.errors = new Throwable[numTasks];
        }

        /**
         * Takes and runs tasks until none is left. A task taken always runs; after a failure no task is
         * taken any more, so every task numbered below a failed one has started.
         */
        void work() {
            int i;
            while ((i = next.getAndIncrement()) < numTasks) {
                try {
                    results[i] = task.run(i);
                } catch (Throwable t) {
                    errors[i] = t;
                    stop();
                }
                finished(1);
            }
        }

        /** Takes every task not yet taken, to run none of them. */
        void stop() {
            int from = next.getAndSet(numTasks);
            if (from < numTasks) {
                finished(numTasks - from);
            }
        }

        private void finished(int tasks) {
            if (finished.addAndGet(tasks) == numTasks) {
                LockSupport.unpark(caller);
            }
        }

        boolean done() {
            return finished.get() == numTasks;
        }
    }

    private final Thread[] workers;
    /** Per worker: whether it is parked (or about to park) waiting for a job. */
    private final boolean[] parked;
    /** Per worker: the job it is running a task of, for interrupting it. */
    private final Job<?>[] running;
    private final ReentrantLock oneJobAtATime = new ReentrantLock();
    private volatile Job<?> current;
    private volatile boolean closed;

    /** Starts {@code size} (>= 1) daemon worker threads made by {@code factory}. */
    WorkerPool(int size, ThreadFactory factory) {
        workers = new Thread[size];
        parked = new boolean[size];
        running = new Job<?>[size];
        for (int w = 0; w < size; w++) {
            int id = w;
            workers[w] = factory.newThread(() -> loop(id));
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /** Whether the calling thread is already running a job of this pool (as a worker or as its caller). */
    boolean isInsideJob() {
        return oneJobAtATime.isHeldByCurrentThread();
    }

    /**
     * Runs {@code job} on the calling thread and the workers; returns once every task has finished.
     *
     * @throws StreamingException if the caller is interrupted while waiting (no task starts after that; the
     *                            running ones are interrupted and waited for)
     */
    void run(Job<?> job) {
        oneJobAtATime.lock();
        try {
            current = job;
            wakeParkedWorkers();
            job.work();
            awaitEnd(job);
        } finally {
            current = null;
            oneJobAtATime.unlock();
        }
    }

    private void wakeParkedWorkers() {
        for (int w = 0; w < workers.length; w++) {
            if (readParked(w)) {
                LockSupport.unpark(workers[w]);
            }
        }
    }

    private void awaitEnd(Job<?> job) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        boolean interrupted = false;
        while (!job.done()) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
            if (Thread.interrupted() && !interrupted) {
                interrupted = true;
                job.stop();
                for (int w = 0; w < workers.length; w++) {
                    if (readRunning(w) == job) {
                        workers[w].interrupt();
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new StreamingException("interrupted while waiting for partition tasks");
        }
    }

    private void loop(int id) {
        Job<?> last = null;
        while (!closed) {
            Job<?> job = awaitJob(id, last);
            if (job == null) {
                continue;
            }
            last = job;
            writeRunning(id, job);
            job.work();
            writeRunning(id, null);
            Thread.interrupted(); // an interrupt meant for the job's tasks ends with them
        }
    }

    /** The next job not yet seen, or {@code null} on a wake-up without one (or when the pool closes). */
    private Job<?> awaitJob(int id, Job<?> last) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (System.nanoTime() < spinUntil) {
            Job<?> job = current;
            if (job != null && job != last) {
                return job;
            }
            if (closed) {
                return null;
            }
            Thread.onSpinWait();
        }
        writeParked(id, true);
        try {
            Job<?> job = current; // checked after announcing the park: a job published before is seen here
            if (job != null && job != last) {
                return job;
            }
            if (!closed) {
                LockSupport.park(this);
            }
            job = current;
            return job != null && job != last ? job : null;
        } finally {
            writeParked(id, false);
        }
    }

    /** Stops the workers and waits up to {@code timeoutMillis} for them to end (not when called from one). */
    void close(long timeoutMillis) {
        closed = true;
        for (Thread t : workers) {
            t.interrupt(); // wakes a parked worker and stops a running task, as a pool's shutdownNow does
        }
        Thread self = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Thread t : workers) {
            if (t == self) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    // Plain arrays of flags read and written with volatile semantics through VarHandles.
    private static final java.lang.invoke.VarHandle FLAGS =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(boolean[].class);
    private static final java.lang.invoke.VarHandle JOBS =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(Job[].class);

    private boolean readParked(int w) {
        return (boolean) FLAGS.getVolatile(parked, w);
    }

    private void writeParked(int w, boolean value) {
        FLAGS.setVolatile(parked, w, value);
    }

    private Job<?> readRunning(int w) {
        return (Job<?>) JOBS.getVolatile(running, w);
    }

    private void writeRunning(int w, Job<?> job) {
        JOBS.setVolatile(running, w, job);
    }
}
