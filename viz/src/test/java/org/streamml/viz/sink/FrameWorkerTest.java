package org.streamml.viz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameWorkerTest {

    @Test
    void shouldCoalesceRequestsMadeWhileAFrameRunsIntoOneFrame() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        FrameWorker worker = new FrameWorker("test-frames", FramePacing.unpaced(), () -> {
            if (runs.incrementAndGet() == 1) {
                started.countDown();
                await(release);
            }
        });
        try {
            worker.request();
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 1000; i++) {
                    worker.request();
                }
            }, "requests never wait for the frame in progress");
            release.countDown();
            assertTrue(worker.awaitFrames(2, 5000));
        } finally {
            worker.close();
        }
        assertEquals(2, worker.frames(), "1000 requests during one frame make exactly one more frame");
        assertEquals(2, runs.get());
    }

    @Test
    void shouldKeepRunningAfterAFrameFails() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try (FrameWorker worker = new FrameWorker("test-failing", FramePacing.unpaced(), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
        })) {
            worker.request();
            assertTrue(worker.awaitFrames(1, 5000));
            worker.request();
            assertTrue(worker.awaitFrames(2, 5000));
        } finally {
            System.setErr(err);
        }
        assertEquals(2, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
