package org.streamml.streaming.cluster;

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

/** File signals between test code running in worker processes and the test itself (no sleeping). */
final class Files2 {
    private Files2() {
    }

    /**
     * Called from a task: the first caller (across all processes) creates {@code claim}, writes its
     * process id to {@code pidFile} and then blocks until its process is killed; later callers return.
     */
    static void blockFirstCaller(String claim, String pidFile) throws IOException, InterruptedException {
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

    /** Waits at most {@code millis} for {@code file} to exist; returns whether it does. */
    static boolean awaitFile(Path file, long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(file)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                var key = watch.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return true;
        }
    }
}
