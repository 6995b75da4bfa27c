package org.streamml.viz.live;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.streamml.streaming.Batch;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;

/**
 * The daemon thread {@value #THREAD_NAME}, shared by every live chart, that runs the charts' feed functions
 * off the engine's scheduler thread. The engine only queues the (immutable) batch, which is O(1): a lock,
 * one small object and at most a wake-up. Each attachment ({@link Feed}) keeps its batches in order; when
 * the batches queued for it hold more points than its chart keeps, the oldest are dropped, because the
 * newer ones would push their points out of the chart's history anyway. Once it has fed everything, the
 * thread lets new batches gather for {@link #PAUSE_NANOS} (unless someone awaits them), so a chart fed
 * faster than it can show is fed only what it shows. The thread runs while a stream that feeds a chart is
 * running or batches are queued, and ends on its own after that.
 */
final class ChartFeeder {
    /** The name of the feeding thread. */
    static final String THREAD_NAME = "streamml-chart-feed";
    /** Runs a fed batch's tasks on the feeding thread itself, so feeds never load the engine's executor. */
    private static final BatchExecutor IN_THREAD = new LocalExecutor(1);
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition WORK = LOCK.newCondition();
    private static final Condition PROGRESS = LOCK.newCondition();
    /** Feeds with queued batches, served in turn. */
    private static final ArrayDeque<Feed<?>> READY = new ArrayDeque<>();
    /**
     * How long the thread, having fed everything, leaves new batches waiting before it feeds them: long
     * enough that a chart keeping fewer points than a stream brings in that time is fed only the batches it
     * will show (the others are dropped unfed), short next to the sinks' frame pacing (250 ms at least).
     */
    static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static int runningStreams;
    private static Thread thread;
    /** Whether the thread waits for work (an offer must wake it); while it pauses, offers leave it be. */
    private static boolean waiting;
    /** The number of callers of {@link #awaitFed}: while there are any, the thread does not pause. */
    private static int hurry;
    private static long resumeAt = System.nanoTime();

    private ChartFeeder() {
    }

    /** A feed function that also gets the batch's number in its stream: 1, 2, ... (dropped ones count). */
    @FunctionalInterface
    interface NumberedFeed<T> {
        /** Appends what it wants from {@code batch}, the {@code number}th batch of the stream. */
        void call(Batch<T> batch, Time time, long number) throws Exception;
    }

    /** A batch waiting to be fed, its number in the stream, and the number of points it adds at least. */
    private record Pending<T>(Batch<T> batch, Time time, long number, long points) {
    }

    /**
     * One {@code attach} of a chart to a stream: its queue of batches, kept in the order the engine made
     * them, and its counts. Also a listener of the stream's context, to learn when no more batches come.
     */
    static final class Feed<T> implements StreamingListener {
        private final LiveChart chart;
        private final NumberedFeed<T> feed;
        private final LiveChart.Points points;
        private final long capacity;
        private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
        private long queuedPoints;
        private long offered;
        private long finished;
        private long dropped;
        private boolean streamRunning;
        private boolean ready;
        private Throwable failure;

        Feed(LiveChart chart, NumberedFeed<T> feed, LiveChart.Points points, int capacity) {
            this.chart = chart;
            this.feed = feed;
            this.points = points;
            this.capacity = capacity;
        }

        /** Queues {@code batch} for the feeding thread; runs on the engine's thread and never blocks on a feed. */
        void offer(Batch<T> batch, Time time) {
            long n = points == LiveChart.Points.PER_RECORD ? batch.count() : 1;
            LOCK.lock();
            try {
                if (!streamRunning) {
                    streamRunning = true;
                    runningStreams++;
                }
                offered++;
                if (points == LiveChart.Points.PER_RECORD && !queue.isEmpty() && queue.peekLast().points() == 0) {
                    // a batch without records adds no point, so a newer batch makes it redundant
                    dropLast();
                }
                queue.addLast(new Pending<>(batch, time, offered, n));
                queuedPoints += n;
                while (queue.size() > 1 && queuedPoints - queue.peekFirst().points() >= capacity) {
                    // the newer batches alone fill the history: the oldest one's points would be evicted
                    queuedPoints -= queue.pollFirst().points();
                    dropped++;
                    finished++;
                }
                if (!ready) {
                    ready = true;
                    READY.addLast(this);
                }
                wakeThread();
            } finally {
                LOCK.unlock();
            }
        }

        private void dropLast() {
            queuedPoints -= queue.pollLast().points();
            dropped++;
            finished++;
        }

        /** The stream's context stopped: no more batches come. */
        @Override
        public void onStopped(Throwable error) {
            LOCK.lock();
            try {
                if (streamRunning) {
                    streamRunning = false;
                    runningStreams--;
                    WORK.signal();
                }
            } finally {
                LOCK.unlock();
            }
        }

        long dropped() {
            LOCK.lock();
            try {
                return dropped;
            } finally {
                LOCK.unlock();
            }
        }

        Throwable failure() {
            LOCK.lock();
            try {
                return failure;
            } finally {
                LOCK.unlock();
            }
        }

        /** Runs the feed on the oldest queued batch and publishes; on the feeding thread, without the lock. */
        private void feed(Pending<T> next) {
            Throwable error = null;
            try {
                feed.call(new Batch<>(next.time(), next.batch().partitions(), IN_THREAD), next.time(), next.number());
                chart.publish();
            } catch (Exception | LinkageError | AssertionError e) {
                error = e;
            }
            LOCK.lock();
            try {
                finished++;
                if (error != null && failure == null) {
                    failure = error;
                    System.err.println("viz: feeding chart '" + chart.name() + "' failed (later failures are not "
                            + "reported): " + error);
                }
                PROGRESS.signalAll();
            } finally {
                LOCK.unlock();
            }
        }
    }

    /**
     * Waits at most {@code timeoutMillis} until every batch offered to {@code feeds} before this call was fed
     * or dropped; returns whether they all were.
     */
    static boolean awaitFed(List<Feed<?>> feeds, long timeoutMillis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        LOCK.lock();
        hurry++;
        WORK.signal();
        try {
            long[] targets = new long[feeds.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = feeds.get(i).offered;
            }
            for (int i = 0; i < targets.length; i++) {
                while (feeds.get(i).finished < targets[i]) {
                    if (left <= 0) {
                        return false;
                    }
                    left = PROGRESS.awaitNanos(left);
                }
            }
            return true;
        } finally {
            hurry--;
            LOCK.unlock();
        }
    }

    /** Starts the thread if none runs, or wakes it if it waits. Holds the lock. */
    private static void wakeThread() {
        if (thread == null) {
            thread = new Thread(ChartFeeder::loop, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        } else if (waiting) {
            WORK.signal();
        }
    }

    private static void loop() {
        try {
            feedWhileRunning();
        } finally {
            LOCK.lock();
            try {
                // only an error the feed let through ends the thread here; a successor takes over its work
                if (thread == Thread.currentThread()) {
                    thread = null;
                    if (!READY.isEmpty()) {
                        wakeThread();
                    }
                }
            } finally {
                LOCK.unlock();
            }
        }
    }

    private static void feedWhileRunning() {
        while (true) {
            Feed<?> feed;
            Pending<?> next;
            LOCK.lock();
            try {
                while (READY.isEmpty() && runningStreams > 0) {
                    waiting = true;
                    WORK.awaitUninterruptibly();
                    waiting = false;
                }
                if (READY.isEmpty()) {
                    thread = null;
                    return;
                }
                long pause = resumeAt - System.nanoTime();
                if (pause > 0 && hurry == 0 && runningStreams > 0) {
                    WORK.awaitNanos(pause);
                    continue;
                }
                feed = READY.pollFirst();
                next = feed.queue.pollFirst();
                feed.queuedPoints -= next.points();
                feed.ready = !feed.queue.isEmpty();
                if (feed.ready) {
                    READY.addLast(feed);
                } else if (READY.isEmpty()) {
                    resumeAt = System.nanoTime() + PAUSE_NANOS;
                }
            } catch (InterruptedException e) {
                // nobody interrupts this thread but a shutdown; it ends, and the next offer starts a new one
                thread = null;
                return;
            } finally {
                LOCK.unlock();
            }
            feedUnchecked(feed, next);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void feedUnchecked(Feed<T> feed, Pending<?> next) {
        feed.feed((Pending<T>) next);
    }
}
