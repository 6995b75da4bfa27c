package org.streamml.streaming.testkit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Signals through files between a task running in another process (an executor's worker) and the test
 * that wants to kill that process at a known point: the task blocks and publishes its process id, the
 * test waits for the id and kills the process. No sleeps: the test watches the directory.
 */
public final class ProcessSignals {
    private ProcessSignals() {
    }

    /**
     * Called from a task: unless running in process {@code driverPid}, the first caller across all
     * processes creates {@code claim}, writes its process id to {@code pidFile} and blocks until its
     * process is killed; later callers return at once.
     */
    public static void blockFirstWorker(long driverPid, String claim, String pidFile)
            throws IOException, InterruptedException {
        if (ProcessHandle.current().pid() == driverPid) {
            throw new IllegalStateException("a task meant to block a worker ran on the driver");
        }
        try {
            Files.createFile(Path.of(claim));
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Path target = Path.of(pidFile);
        Path tmp = Files.createTempFile(target.getParent(), "pid", ".tmp");
        Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }

    /** Waits at most {@code millis} for {@code file} to appear and returns the process id written in it. */
    public static long awaitPid(Path file, long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(file)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no task blocked within " + millis + " ms (" + file + ")");
                }
                var key = watch.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        return Long.parseLong(Files.readString(file));
    }
}
