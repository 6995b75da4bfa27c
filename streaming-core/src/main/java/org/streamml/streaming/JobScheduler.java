package org.streamml.streaming;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler thread: waits on the clock for each batch time, polls every input, runs the output
 * operations in registration order, reports metrics, and forgets batches no window needs any more.
 * Batches run one after another, so a slow batch delays the next one instead of queueing work.
 */
final class JobScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final StreamingContext context;
    private final DStreamGraph graph;
    private final Thread thread;
    private final Object progress = new Object();
    /** Set, under {@code progress}, once the loop has ended: no batch will complete any more. */
    private boolean ended;
    private volatile boolean stopRequested;
    /** Whether the stop requested lets the batch in progress end; only such a stop writes a final checkpoint. */
    private volatile boolean gracefulStop;
    private volatile boolean running;
    private long lastCompleted = Long.MIN_VALUE;
    private long nextTime;

    JobScheduler(StreamingContext context, DStreamGraph graph, Time firstBatch) {
        this.context = context;
        this.graph = graph;
        this.nextTime = firstBatch.millis();
        this.thread = new Thread(this::loop, "streamml-scheduler");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void requestStop(boolean graceful) {
        gracefulStop = graceful;
        stopRequested = true;
        if (Thread.currentThread() == thread) {
            return;
        }
        if (!graceful || !running) {
            thread.interrupt();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean awaitCompleted(Time time, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (progress) {
            while (lastCompleted < time.millis() && !ended) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                progress.wait(left);
            }
            return lastCompleted >= time.millis();
        }
    }

    private long lastCompletedTime() {
        synchronized (progress) {
            return lastCompleted;
        }
    }

    private void loop() {
        Throwable error = null;
        long interval = context.batchInterval().toMillis();
        try {
            // A run restarted from the checkpoint of its last batch has nothing left to do.
            boolean done = context.restoredFrom().isPresent() && context.options().stopWhenInputsExhausted()
                    && graph.allInputsExhausted();
            while (!stopRequested && !done) {
                context.clock().waitUntil(nextTime);
                if (stopRequested) {
                    break;
                }
                running = true;
                runBatch(Time.ofMillis(nextTime));
                running = false;
                if (context.options().stopWhenInputsExhausted() && graph.allInputsExhausted()) {
                    break;
                }
                nextTime += interval;
            }
            Checkpointer checkpointer = context.checkpointer();
            if (checkpointer != null) {
                checkpointer.onStop(lastCompletedTime(), !stopRequested || gracefulStop);
            }
        } catch (InterruptedException e) {
            // stop requested while waiting for the clock or for partition tasks
        } catch (StreamingException e) {
            error = stopRequested && isInterruption(e) ? null : e;
        } catch (RuntimeException | Error e) {
            error = e;
        } finally {
            running = false;
            if (context.checkpointer() != null) {
                context.checkpointer().close();
            }
            // Nothing is computed for this context any more: kept partitions may go (a batch read later
            // is recomputed from its lineage).
            try {
                if (context.distributed() != null) {
                    context.distributed().releaseBatchesUpTo(Time.ofMillis(Long.MAX_VALUE));
                }
            } catch (Exception e) {
                // Releasing is an optimisation; the context's own outcome is what gets reported. Exception, not
                // RuntimeException: an executor's client library may throw a checked InterruptedException
                // unchecked (Spark's RPC on stop), and the context must still end.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            context.onSchedulerEnded(error);
            synchronized (progress) {
                ended = true;
                progress.notifyAll();
            }
        }
    }

    /** What each place did between two snapshots (a place that joined in between counts from zero). */
    private static List<BatchExecutor.TaskPlace> since(List<BatchExecutor.TaskPlace> before,
                                                       List<BatchExecutor.TaskPlace> after) {
        if (after.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, BatchExecutor.TaskPlace> old = new java.util.HashMap<>();
        before.forEach(p -> old.put(p.place(), p));
        List<BatchExecutor.TaskPlace> out = new java.util.ArrayList<>(after.size());
        for (BatchExecutor.TaskPlace p : after) {
            BatchExecutor.TaskPlace b = old.get(p.place());
            out.add(b == null ? p : new BatchExecutor.TaskPlace(p.place(), p.tasks() - b.tasks(),
                    p.taskMillis() - b.taskMillis()));
        }
        return out;
    }

    private static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private void runBatch(Time time) {
        DistributedExecutor distributed = context.distributed();
        if (distributed != null) {
            distributed.enterBatch(time);
        }
        List<BatchExecutor.TaskPlace> placesBefore = distributed == null ? List.of() : distributed.taskPlaces();
        for (StreamingListener l : context.listeners()) {
            notifyListener(() -> l.onBatchStarted(time));
        }
        long schedulingDelay = Math.max(0, context.clock().millis() - time.millis());
        List<Batch<?>> inputs = new java.util.ArrayList<>(graph.inputs().size());
        for (InputDStream<?> in : graph.inputs()) {
            in.batchAt(time).ifPresent(inputs::add);
        }
        // Processing time runs from the batch's input being ready to its last output operation (Spark's). An
        // executor that computes partitions lazily (Spark) reads the input inside the outputs' jobs, as
        // Spark's direct streams do, and knows the input's record counts only after them: counted after.
        long startWall = System.nanoTime();
        for (OutputDStream<?> out : graph.outputs()) {
            out.run(time);
        }
        long processing = System.nanoTime() - startWall;
        long records = 0;
        for (Batch<?> in : inputs) {
            records += in.count();
        }
        long forgotten = Long.MAX_VALUE;
        for (DStream<?> s : graph.streams()) {
            forgotten = Math.min(forgotten, s.forgetBefore(time));
        }
        if (forgotten != Long.MAX_VALUE && distributed != null) {
            distributed.releaseBatchesUpTo(Time.ofMillis(forgotten));
        }
        BatchInfo info = new BatchInfo(time, records, schedulingDelay, processing,
                schedulingDelay + TimeUnit.NANOSECONDS.toMillis(processing),
                distributed == null ? List.of() : since(placesBefore, distributed.taskPlaces()));
        if (LOG.isDebugEnabled()) {
            LOG.debug("batch {} completed: {} records, scheduling delay {} ms, processing {} ms", time, records,
                    schedulingDelay, TimeUnit.NANOSECONDS.toMillis(processing));
        }
        for (StreamingListener l : context.listeners()) {
            notifyListener(() -> l.onBatchCompleted(info));
        }
        // After the listeners: a listener that is also Checkpointed (a driver-side total) is in the
        // checkpoint of the batch it has just counted, so a restart neither loses nor repeats that batch.
        Checkpointer checkpointer = context.checkpointer();
        if (checkpointer != null) {
            checkpointer.afterBatch(time);
        }
        synchronized (progress) {
            lastCompleted = time.millis();
            progress.notifyAll();
        }
    }

    private static void notifyListener(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("streaming listener failed: " + e);
        }
    }
}
