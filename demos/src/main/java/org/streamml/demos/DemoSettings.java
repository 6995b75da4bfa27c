package org.streamml.demos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.viz.VizOptions;

/**
 * The settings every demo understands.
 *
 * @param batches how many batches to run, >= 1
 * @param durationSeconds stream time to run instead, rounded up to whole batches, or 0 to use {@code batches}
 * @param realTime whether batches are paced by the wall clock (otherwise replayed as fast as possible)
 * @param seed the seed of the demo's data
 * @param partitions partitions per batch, >= 1
 * @param recordsPerSecond the input rate in stream time, > 0, or 0 for the demo's own default
 * @param dashboardPort the port of the live web dashboard, 0 for any free port, or -1 for none
 * @param chartsDir where the demo writes its PNG charts, or {@code null} for the demo's own
 *        {@code demo-out/NAME}
 * @param master the {@code --master} string of where the demo runs its partition tasks ({@code local[N]},
 *        {@code local-cluster[N,C]}, {@code cluster://HOST:PORT}, any form a {@link org.streamml.streaming.Masters}
 *        provider on the class path accepts), or {@code null} for the demo's own threads of this process
 * @param kafka the Kafka brokers ({@code HOST:PORT[,HOST:PORT...]}) a demo that supports it streams through
 *        (the fraud demo: transactions produced to a topic, consumed by the pipeline, alerts to a second topic),
 *        or {@code null} for in-process data
 * @param checkpoint the directory the demo checkpoints to after every batch and resumes from when it holds a
 *        checkpoint of the same demo and settings (a killed demo run again with the same command prints the
 *        same results as an unbroken run), or {@code null} for none
 * @param web where and how the dashboard is served (its address, token, and whether it keeps serving the
 *        finished run); {@link Web#LOOPBACK} by default
 * @param listeners listeners {@link #newContext} adds to the demo's context (the command line's metrics), in order
 */
public record DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                           double recordsPerSecond, int dashboardPort, Path chartsDir, String master,
                           String kafka, Path checkpoint, Web web, List<StreamingListener> listeners) {

    /**
     * How the dashboard is served.
     *
     * @param host the address it binds to ({@code 127.0.0.1}: only this machine)
     * @param token the token it requires of every request, or {@code null} for none
     * @param keepServing whether the dashboard keeps serving the finished run's last state until Ctrl-C
     */
    public record Web(String host, String token, boolean keepServing) {
        /** Loopback, no token, stopping with the demo. */
        public static final Web LOOPBACK = new Web("127.0.0.1", null, false);

        /** Validates. */
        public Web {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("the dashboard host must not be blank");
            }
        }
    }

    /** Validates the settings. */
    public DemoSettings {
        listeners = List.copyOf(listeners);
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be >= 1: " + batches);
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("duration must be >= 0 seconds and finite: " + durationSeconds);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        if (!(recordsPerSecond >= 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("records per second must be >= 0 and finite: " + recordsPerSecond);
        }
        if (dashboardPort < -1 || dashboardPort > 65535) {
            throw new IllegalArgumentException("dashboard port must be -1 (none) or in [0, 65535]: " + dashboardPort);
        }
        if (master != null) {
            // an unknown master fails here listing the known forms, a malformed one naming the accepted forms
            StreamingContext.Options.defaults().withMaster(master);
        }
        Objects.requireNonNull(web, "web");
    }

    /** Settings without listeners. */
    public DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                        double recordsPerSecond, int dashboardPort, Path chartsDir, String master,
                        String kafka, Path checkpoint, Web web) {
        this(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, dashboardPort, chartsDir, master,
                kafka, checkpoint, web, List.of());
    }

    /** Settings whose dashboard (if any) is served on loopback, without a token, until the demo ends. */
    public DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                        double recordsPerSecond, int dashboardPort, Path chartsDir, String master,
                        String kafka, Path checkpoint) {
        this(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, dashboardPort, chartsDir, master,
                kafka, checkpoint, Web.LOOPBACK);
    }

    /** Settings without checkpoints. */
    public DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                        double recordsPerSecond, int dashboardPort, Path chartsDir, String master,
                        String kafka) {
        this(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, dashboardPort, chartsDir, master,
                kafka, null);
    }

    /** Settings with in-process data (no Kafka). */
    public DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                        double recordsPerSecond, int dashboardPort, Path chartsDir, String master) {
        this(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, dashboardPort, chartsDir, master,
                null);
    }

    /** Settings running on the demo's own threads of this process. */
    public DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                        double recordsPerSecond, int dashboardPort, Path chartsDir) {
        this(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, dashboardPort, chartsDir, null);
    }

    /** Settings without a dashboard, writing charts to the demo's own directory. */
    public DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions,
                        double recordsPerSecond) {
        this(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, -1, null, null);
    }

    /**
     * 24 batches replayed as fast as possible, seed 42, two partitions, the demo's default rate, no dashboard,
     * charts in the demo's own directory, tasks on the demo's own threads of this process.
     */
    public static DemoSettings defaults() {
        return new DemoSettings(24, 0, false, 42, 2, 0);
    }

    /** The number of batches of {@code batchMillis} to run: from the duration if set, else {@code batches}. */
    public int batchesFor(long batchMillis) {
        return durationSeconds > 0 ? (int) Math.max(1, Math.ceil(durationSeconds * 1000 / batchMillis)) : batches;
    }

    /** A copy with another number of batches. */
    public DemoSettings withBatches(int n) {
        return new DemoSettings(n, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy that runs {@code seconds} of stream time instead of a number of batches (0: use batches). */
    public DemoSettings withDurationSeconds(double seconds) {
        return new DemoSettings(batches, seconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy paced by the wall clock or not. */
    public DemoSettings withRealTime(boolean paced) {
        return new DemoSettings(batches, durationSeconds, paced, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy with another seed. */
    public DemoSettings withSeed(long s) {
        return new DemoSettings(batches, durationSeconds, realTime, s, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy with another number of partitions. */
    public DemoSettings withPartitions(int p) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, p, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy with another input rate (0: the demo's default). */
    public DemoSettings withRecordsPerSecond(double rate) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, rate,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy with a dashboard on {@code port} (0: any free port, -1: none). */
    public DemoSettings withDashboardPort(int port) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond, port,
                chartsDir, master, kafka, checkpoint, web, listeners);
    }

    /** A copy writing charts into {@code dir} ({@code null}: the demo's own {@code demo-out/NAME}). */
    public DemoSettings withChartsDir(Path dir) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, dir, master, kafka, checkpoint, web, listeners);
    }

    /**
     * A copy running its tasks on the master {@code where} ({@code null}: the demo's own threads of this process).
     *
     * @throws IllegalArgumentException if no executor provider accepts {@code where} or it is malformed
     */
    public DemoSettings withMaster(String where) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, where, kafka, checkpoint, web, listeners);
    }

    /** A copy streaming through the Kafka brokers {@code bootstrap} ({@code null}: in-process data). */
    public DemoSettings withKafka(String bootstrap) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, bootstrap, checkpoint, web, listeners);
    }

    /** A copy checkpointing to {@code dir} after every batch and resuming from it ({@code null}: none). */
    public DemoSettings withCheckpoint(Path dir) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, dir, web, listeners);
    }

    /** A copy whose {@link #newContext} also adds {@code listener} to the demo's context, after the others. */
    public DemoSettings withListener(StreamingListener listener) {
        List<StreamingListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, web, more);
    }

    /** A copy serving the dashboard as {@code w} says (address, token, keep serving). */
    public DemoSettings withWeb(Web w) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, recordsPerSecond,
                dashboardPort, chartsDir, master, kafka, checkpoint, w, listeners);
    }

    /**
     * A new context of {@code options}; with a {@link #checkpoint} directory it checkpoints there after every
     * batch (and when it stops). Declare the streams, outputs, learners and checkpointed totals, then call
     * {@link #start}.
     */
    public StreamingContext newContext(StreamingContext.Options options) {
        StreamingContext ssc = new StreamingContext(options);
        listeners.forEach(ssc::addStreamingListener);
        if (checkpoint != null) {
            ssc.checkpoint(checkpoint);
            // The settings that decide the data are part of the program's fingerprint: a restart with another
            // seed, rate, length or partitioning is refused instead of mixing two runs' results.
            String fingerprint = "seed " + seed + ", partitions " + partitions + ", rate " + recordsPerSecond
                    + ", batches " + batches + ", duration " + durationSeconds + ", kafka " + (kafka != null);
            ssc.registerCheckpointed(new org.streamml.streaming.Checkpointed() {
                @Override
                public String checkpointKind() {
                    return "demo settings";
                }

                @Override
                public String checkpointFingerprint() {
                    return fingerprint;
                }

                @Override
                public Object checkpointState() {
                    return null;
                }

                @Override
                public void restoreCheckpointState(Object state) {
                }
            });
        }
        return ssc;
    }

    /**
     * Starts {@code ssc}; with a {@link #checkpoint} directory holding a checkpoint it resumes after the
     * checkpointed batch, saying so on {@code out}.
     *
     * @throws org.streamml.streaming.checkpoint.CheckpointException if the directory's checkpoints are damaged
     *         or of another program (another demo or other settings), naming the difference
     */
    public void start(StreamingContext ssc, java.io.PrintWriter out) {
        if (checkpoint != null) {
            ssc.recover();
            ssc.restoredFrom().ifPresentOrElse(
                    t -> out.printf("Resuming from the checkpoint of batch %s in %s%n", batchTime(t), checkpoint),
                    () -> out.printf("Checkpointing to %s after every batch%n", checkpoint));
            out.flush();
        }
        ssc.start();
    }

    /**
     * A batch time for people: with {@link #realTime} a wall-clock time, printed as an ISO-8601 UTC instant
     * ({@code 2026-12-04T22:41:00Z}); otherwise a fast-forward clock's logical time from 0, printed as such
     * ({@code 4000 ms}), never as a date in 1970.
     */
    public String batchTime(org.streamml.streaming.Time t) {
        return realTime ? java.time.Instant.ofEpochMilli(t.millis()).toString() : t.toString();
    }

    /**
     * {@code options} running on the master of these settings: on {@code ownThreads} threads of this process
     * when none was given (what the demo does by default), else on that master
     * ({@link StreamingContext.Options#withMaster(String, ExecutorSettings)}), telling its executor
     * {@code executor}'s settings (the demo's record types sent between processes). The context creates and
     * closes that executor.
     */
    public StreamingContext.Options onMaster(StreamingContext.Options options, int ownThreads,
                                             ExecutorSettings executor) {
        return master == null ? options.withThreads(ownThreads) : options.withMaster(master, executor);
    }

    /**
     * Where the demo called {@code demoName} shows its charts: the dashboard if one was asked for, and the
     * charts directory, {@code demo-out/NAME} unless another was given.
     */
    public VizOptions viz(String demoName) {
        Path dir = chartsDir != null ? chartsDir : Path.of("demo-out", demoName);
        return VizOptions.defaults().withDashboardPort(dashboardPort).withChartsDir(dir).withDashboardHost(web.host())
                .withDashboardToken(web.token()).withKeepServing(web.keepServing());
    }
}
