package org.streamml.ml.streaming;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;

/**
 * Helpers for running the learners on worker processes: context options, a shared executor, exact model
 * fingerprints and file signals between a task in a worker process and the test.
 */
final class ClusterRuns {
    /** Held strongly: the logging framework keeps loggers only weakly, and would forget the settings. */
    private static final Logger CLUSTER_LOG = Logger.getLogger("org.streamml.streaming.cluster");

    private ClusterRuns() {
    }

    /** Silences the cluster package's logging (tests print nothing). */
    static void quietClusterLogs() {
        CLUSTER_LOG.setUseParentHandlers(false);
        CLUSTER_LOG.setLevel(Level.OFF);
    }

    /** Fast-forwarded one-second batches in three partitions, on {@code executor} or else {@code local[2]}. */
    static StreamingContext.Options options(BatchExecutor executor) {
        StreamingContext.Options options = StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withDefaultPartitions(3).withThreads(2);
        return executor == null ? options : options.withExecutor(new org.streamml.streaming.SharedExecutor(executor));
    }

    /** Every bit of a k-means model, as text ({@link Double#toString} is exact). */
    static String fingerprint(KMeansModel m) {
        return m.version() + " " + Arrays.deepToString(m.centers()) + " " + Arrays.toString(m.clusterWeights());
    }

    /** Every bit of a linear regression model's weights and intercept, as text. */
    static String fingerprint(LinearRegressionModel m) {
        return m.version() + " " + Arrays.toString(m.weights()) + " " + m.intercept();
    }

    /** Every bit of a logistic regression model's weights and intercept, as text. */
    static String fingerprint(LogisticRegressionModel m) {
        return m.version() + " " + Arrays.toString(m.weights()) + " " + m.intercept();
    }

    /**
     * Called from a task: unless running in process {@code driverPid}, the first caller across all
     * processes creates {@code claim}, writes its process id to {@code pidFile} and blocks until its
     * process is killed; later callers return at once.
     */
    static void blockFirstWorker(long driverPid, String claim, String pidFile)
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
    static long awaitPid(Path file, long millis) throws IOException, InterruptedException {
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
