package org.streamml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamml worker --master HOST:PORT}: joins the driver of a program started with
 * {@code --master cluster://HOST:PORT} (which the worker also accepts as it is) and runs its partition tasks
 * until the driver goes away.
 *
 * <p>Only {@link ClusterWorkerRun} touches the cluster module, so that the command line still loads where
 * that module is left off the class path (on Spark, whose Kryo 4 shares Kryo 5's packages).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster driver and run its partition tasks until it goes away.")
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--master", required = true, paramLabel = "[cluster://]HOST:PORT",
            description = "the driver's address: HOST:PORT, or cluster://HOST:PORT as the program's --master says it")
    private String master;

    @Option(names = "--cores", paramLabel = "N", description = "tasks to run at once (default: processors)")
    private int cores = Runtime.getRuntime().availableProcessors();

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "file holding the driver's shared secret (default: $STREAMML_CLUSTER_SECRET, else none)")
    private Path secretFile;

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES",
            description = "largest message accepted; at least the driver's (default: the driver's default, 64 MiB)")
    private Integer maxFrameBytes;

    @Override
    public Integer call() throws InterruptedException {
        return ClusterWorkerRun.run(master, cores, secretFile, maxFrameBytes);
    }
}
