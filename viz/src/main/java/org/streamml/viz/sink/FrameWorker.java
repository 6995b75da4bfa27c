package org.streamml.viz.sink;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A daemon thread that runs a frame (a render) whenever one was requested, as often as its
 * {@link FramePacing} allows. Requests made while a frame runs coalesce into one more frame, so the
 * requester never waits and a slow frame only lowers the frame rate. A frame that throws is reported once
 * to standard error and the worker goes on.
 */
public final class FrameWorker implements AutoCloseable {
    private final Runnable frame;
    private final FramePacing pacing;
    private final Thread thread;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition frameDone = lock.newCondition();
    private volatile boolean running = true;
    private long frames;
    private boolean failureReported;

    /** Starts a worker thread called {@code name} that runs {@code frame} on request, paced by {@code pacing}. */
    public FrameWorker(String name, FramePacing pacing, Runnable frame) {
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.frame = Objects.requireNonNull(frame, "frame");
        this.thread = new Thread(this::loop, Objects.requireNonNull(name, "name"));
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a frame; returns at once. Many requests before the frame starts make one frame. */
    public void request() {
        if (requested.compareAndSet(false, true)) {
            lock.lock();
            try {
                wake.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The number of frames run so far. */
    public long frames() {
        lock.lock();
        try {
            return frames;
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeoutMillis} until at least {@code n} frames have run; returns whether they did. */
    public boolean awaitFrames(long n, long timeoutMillis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (frames < n) {
                if (left <= 0) {
                    return false;
                }
                left = frameDone.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        long nextStart = System.nanoTime();
        while (running) {
            lock.lock();
            try {
                while (running && !requested.get()) {
                    wake.await();
                }
                long wait = nextStart - System.nanoTime();
                while (running && wait > 0) {
                    wait = wake.awaitNanos(wait);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (!running) {
                return;
            }
            requested.set(false);
            long start = System.nanoTime();
            runFrame();
            long busy = System.nanoTime() - start;
            nextStart = start + pacing.pauseNanos(busy);
        }
    }

    private void runFrame() {
        try {
            frame.run();
        } catch (RuntimeException | LinkageError e) {
            if (!failureReported) {
                failureReported = true;
                System.err.println("viz: " + thread.getName() + " failed to render a frame (later failures are not "
                        + "reported): " + e);
            }
        }
        lock.lock();
        try {
            frames++;
            frameDone.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the frame in progress, if any, and waits for it to end. */
    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
