package org.streamml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.streamml.streaming.cluster.ClusterExecutorProvider;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.cluster.HostPort;
import org.streamml.streaming.cluster.Worker;
import org.streamml.streaming.cluster.WorkerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamml worker --master HOST:PORT}: joins the driver of a program started with
 * {@code --master cluster://HOST:PORT} and runs its partition tasks until the driver goes away.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster driver and run its partition tasks until it goes away.")
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--master", required = true, paramLabel = "HOST:PORT",
            description = "the driver's address (the program's --master cluster://HOST:PORT)")
    private String master;

    @Option(names = "--cores", paramLabel = "N", description = "tasks to run at once (default: processors)")
    private int cores = Runtime.getRuntime().availableProcessors();

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "file holding the driver's shared secret (default: $STREAMML_CLUSTER_SECRET, else none)")
    private Path secretFile;

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES",
            description = "largest message accepted; at least the driver's (default: ${DEFAULT-VALUE})")
    private int maxFrameBytes = ClusterOptions.defaults().maxFrameBytes();

    @Override
    public Integer call() throws InterruptedException {
        HostPort hp = HostPort.parse(master);
        String secret = secretFile != null ? WorkerMain.readSecret(secretFile)
                : System.getenv(ClusterExecutorProvider.SECRET_ENV);
        try (Worker w = Worker.connect(hp.host(), hp.port(), cores, secret, maxFrameBytes)) {
            int status = w.awaitTermination();
            if (status != 0) {
                System.err.println("worker: error: " + failureMessage(w.failure(), hp));
            }
            return status;
        }
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
