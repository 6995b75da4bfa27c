package org.streamml.cli;

import java.nio.file.Path;
import org.streamml.streaming.cluster.ClusterExecutorProvider;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.cluster.HostPort;
import org.streamml.streaming.cluster.Worker;
import org.streamml.streaming.cluster.WorkerMain;

/** The body of {@link WorkerCommand}: joins a driver with the cluster module's {@link Worker}. */
final class ClusterWorkerRun {
    private ClusterWorkerRun() {
    }

    /** The scheme a driver's {@code --master} has; the worker accepts its address with or without it. */
    static final String SCHEME = "cluster://";

    /**
     * Joins the driver at {@code master} ({@code HOST:PORT}, or {@code cluster://HOST:PORT} as the driver's
     * {@code --master} says it) and runs its tasks; returns the exit status.
     */
    static int run(String master, int cores, Path secretFile, Integer maxFrameBytes) throws InterruptedException {
        HostPort hp = driverAddress(master);
        String secret = secretFile != null ? WorkerMain.readSecret(secretFile)
                : System.getenv(ClusterExecutorProvider.SECRET_ENV);
        int frames = maxFrameBytes != null ? maxFrameBytes : ClusterOptions.defaults().maxFrameBytes();
        try (Worker w = Worker.connect(hp.host(), hp.port(), cores, secret, frames)) {
            int status = w.awaitTermination();
            if (status != 0) {
                System.err.println("worker: error: " + failureMessage(w.failure(), hp));
            }
            return status;
        }
    }

    /** {@code master} without a leading {@code cluster://}, parsed as {@code HOST:PORT}. */
    static HostPort driverAddress(String master) {
        String text = master.strip();
        return HostPort.parse(text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? text.substring(SCHEME.length()) : text);
    }

    /**
     * Why joining the driver at {@code driver} failed: the handshake's own reason, or, when the connection
     * ended before the driver said anything (no reason), what that usually means.
     */
    static String failureMessage(String reason, HostPort driver) {
        if (reason != null && !reason.isBlank() && !reason.equals("null")) {
            return "cannot join the driver at " + driver + ": " + reason;
        }
        return "the connection to " + driver + " closed before a driver accepted this worker: is a program"
                + " listening there with --master cluster://" + driver + " (and not another service), and does"
                + " it still accept workers?";
    }
}
