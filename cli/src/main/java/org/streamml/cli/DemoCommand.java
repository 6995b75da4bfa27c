package org.streamml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.streamml.demos.Demo;
import org.streamml.demos.DemoSettings;
import org.streamml.demos.Demos;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code streamml demo [NAME]}: runs one end-to-end demo on the embedded engine until it ends by itself, its
 * partition tasks on threads of this process or, with {@code --master}, on a cluster's workers.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an end-to-end demo on the embedded engine (default: " + Demos.DEFAULT + "), on threads"
                + " of this process or, with --master, on worker processes.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", defaultValue = Demos.DEFAULT,
            description = "The demo to run (default: ${DEFAULT-VALUE}); --list shows them all.")
    private String name;

    @Option(names = "--list", description = "List the demos with one line each, then exit.")
    private boolean list;

    @Option(names = "--batches", paramLabel = "N",
            description = "Batches to run before stopping (default: the demo's own: sensors replays every series to"
                    + " its end, fraud streams 20, neural 60, hashtags 24).")
    private Integer batches;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stream time to run instead of --batches, rounded up to whole batches.")
    private Double durationSeconds;

    @Option(names = "--real-time",
            description = "Pace batches by the wall clock instead of replaying as fast as possible.")
    private boolean realTime;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the demo's data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "2",
            description = "Partitions per batch (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--rate", paramLabel = "RECORDS_PER_SECOND", defaultValue = "0",
            description = "Input records per second of stream time (default: the demo's own).")
    private double rate;

    @Option(names = "--dashboard", paramLabel = "PORT",
            description = "Serve the live charts on http://127.0.0.1:PORT/ (0: any free port); with --real-time the"
                    + " charts grow batch by batch.")
    private Integer dashboardPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the dashboard binds to (default: ${DEFAULT-VALUE}, only this machine; 0.0.0.0:"
                    + " every interface, with a warning; see --token).")
    private String dashboardHost;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Serve the dashboard only to requests carrying TOKEN (8 to 128 of A-Z a-z 0-9 . _ ~ -):"
                    + " open the printed address, which ends in ?token=TOKEN. Advised with --host.")
    private String dashboardToken;

    @Option(names = "--keep-serving",
            description = "When the demo ends, keep the dashboard serving its last state (the page says 'run"
                    + " finished') until Ctrl-C.")
    private boolean keepServing;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Write the demo's PNG charts into DIR (default: demo-out/NAME).")
    private Path chartsDir;

    @Option(names = "--master", paramLabel = "MASTER",
            description = "Where the partition tasks run: local[N] (N threads), local-cluster[N] or"
                    + " local-cluster[N,C] (N worker processes of C cores on this machine) or cluster://HOST:PORT"
                    + " (listen for workers started with 'streamml worker', secret from $STREAMML_CLUSTER_SECRET),"
                    + " spark://HOST:PORT or spark-local[N] (on Apache Spark; see README, Running on Spark);"
                    + " default: the demo's own threads of"
                    + " this process. The printed results do not depend on it.")
    private String master;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Stream through the Kafka brokers HOST:PORT[,HOST:PORT...] (fraud only): the transactions"
                    + " are produced to a topic, consumed by the pipeline, and the alerts written to a second topic.")
    private String kafka;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Checkpoint to DIR after every batch (state, models and the demo's results so far);"
                    + " the same command run again after a crash resumes from DIR and prints the results of an"
                    + " unbroken run. Use a fresh DIR to start over.")
    private Path checkpoint;

    @CommandLine.Mixin
    private MetricsOptions metrics;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            Demos.all().forEach((n, d) -> out.printf("%-10s %s%n", n, d.description()));
            out.flush();
            return 0;
        }
        Demo demo = Demos.named(name);
        if (kafka != null && !name.equals(org.streamml.demos.FraudDemo.NAME)) {
            throw new IllegalArgumentException("--kafka is supported by the fraud demo only, not by " + name);
        }
        if (kafka != null && !kafka.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}(,[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5})*")) {
            throw new IllegalArgumentException("--kafka " + org.streamml.streaming.io.Quote.of(kafka)
                    + " is not HOST:PORT[,HOST:PORT...]");
        }
        if (durationSeconds != null && !(durationSeconds > 0)) {
            throw new IllegalArgumentException("--duration must be > 0 seconds: " + durationSeconds);
        }
        DemoSettings settings = new DemoSettings(batches != null ? batches : demo.defaultBatches(),
                durationSeconds == null ? 0 : durationSeconds, realTime, seed, partitions, rate,
                dashboardPort != null ? dashboardPort : -1, chartsDir, master, kafka, checkpoint)
                .withWeb(new DemoSettings.Web(dashboardHost, dashboardToken, keepServing));
        if (dashboardPort == null && (keepServing || dashboardToken != null)) {
            throw new IllegalArgumentException("--keep-serving and --token need --dashboard PORT");
        }
        int status = metrics.run(settings, s -> demo.run(s, out));
        org.streamml.viz.ChartSinks.serveFinishedRuns(out);
        return status;
    }
}
