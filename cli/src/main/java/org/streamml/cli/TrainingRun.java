package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.InputDStream;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.viz.ChartSinks;
import org.streamml.viz.VizOptions;
import org.streamml.viz.live.LiveModelParameters;

/**
 * One replay of the input file through a streaming context under a {@link FastForwardClock} (its source reads
 * each batch when the engine asks for it, before the batch's processing time starts): the learner trains on
 * every batch, the trace (if any) gets the model after every batch, the live charts (if
 * any were asked for) show the model's parameters and the engine's throughput, and a listener sums the
 * engine's per-batch processing times. The executor comes from the {@code --master} string through
 * {@link StreamingContext.Options#withMaster} (the {@link org.streamml.streaming.Masters} providers).
 */
final class TrainingRun {

    /**
     * What a run did.
     *
     * @param records records trained on
     * @param batches batches run
     * @param processingNanos the sum of the batches' processing times
     * @param model the final model
     * @param partitions the partitions of every batch (given, or the master's default)
     * @param prequential the run's prequential metric (each batch scored before it trained the model)
     */
    record Result(long records, long batches, long processingNanos, Model model, int partitions,
                  PrequentialTotals prequential) {
    }

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final StreamingLearner<?, ?> learner;
    private final TrainingInput data;
    private final int batchSize;
    private final Integer partitions;
    private final String master;
    private final Path trace;
    private final PrintWriter progress;
    private VizOptions viz;
    private MetricsOptions metricsOptions;
    private Path checkpoint;
    private ProgressBar bar = ProgressBar.off();

    /**
     * A run of {@code learner} (seeded already) over {@code data}.
     *
     * @param partitions partitions per batch, or {@code null} for the master's default ({@link #defaultPartitions})
     * @param master the {@code --master} string, validated already
     * @param trace the trace file to write, or {@code null}
     * @param progress where progress goes, or {@code null} for none
     */
    TrainingRun(StreamingLearner<?, ?> learner, TrainingInput data, int batchSize, Integer partitions, String master,
                Path trace, PrintWriter progress) {
        this.learner = learner;
        this.data = data;
        this.batchSize = batchSize;
        this.partitions = partitions;
        this.master = master;
        this.trace = trace;
        this.progress = progress;
    }

    /**
     * Checkpoints the run to {@code dir} after every batch and, when {@code dir} holds a checkpoint of the
     * same command, continues from it: a killed run started again ends with the model and trace of an
     * unbroken run.
     */
    TrainingRun withCheckpoint(Path dir) {
        this.checkpoint = dir;
        return this;
    }

    /**
     * Draws {@code bar} (by the input's bytes read when it has a size, else by records) instead of the once-a-second
     * progress lines; {@link #run} closes it.
     */
    TrainingRun withProgressBar(ProgressBar bar) {
        this.bar = bar;
        return this;
    }

    /** Shows the model's parameters and the batch metrics on the sinks of {@code options} while training. */
    TrainingRun withCharts(VizOptions options) {
        this.viz = options;
        return this;
    }

    /** Serves the run's metrics as {@code metrics} says ({@code --metrics-port}). */
    TrainingRun withMetrics(MetricsOptions options) {
        this.metricsOptions = options;
        return this;
    }

    Result run() throws InterruptedException, IOException {
        Metrics metrics = new Metrics();
        // A run that follows a topic takes a batch each second of the wall clock; otherwise batches run back
        // to back and the run ends with its input.
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1))
                .withClock(data.follows() ? org.streamml.streaming.Clock.system() : new FastForwardClock())
                .withStopWhenInputsExhausted(!data.follows())
                .withMaster(master, ExecutorSettings.defaults());
        int parts;
        PrequentialTotals prequential;
        try (ChartSinks charts = viz == null ? null : ChartSinks.open(viz);
             TraceWriter traceWriter = trace == null ? null : new TraceWriter(trace, checkpoint);
             StreamingContext ssc = new StreamingContext(options);
             MetricsOptions.Session session = metricsOptions == null ? MetricsOptions.Session.NONE : metricsOptions.open(ssc)) {
            LiveModelParameters parameters = charts == null ? null : charts.modelParameters("model");
            if (charts != null) {
                charts.attachBatchMetrics(ssc);
                if (progress != null) {
                    charts.dashboardUri().ifPresent(u -> progress.println("train: live dashboard at " + u));
                }
            }
            parts = partitions != null ? partitions : defaultPartitions(master, ssc.executor().parallelism());
            InputDStream<LabeledPoint> stream = ssc.source(data.replay(batchSize), parts);
            // registered before the training, so each batch is scored by the model before it
            prequential = PrequentialTotals.register(ssc, stream, learner);
            if (session.metrics() != null) {
                PrequentialTotals p = prequential;
                session.metrics().batches().watchModel(() -> learner.hasModel() ? learner.latestModel() : null)
                        .watch("streamml.model." + p.name().replace('_', '.'), "the run's " + p.name().replace('_', ' ')
                                + " so far (test then train)", p::value);
            }
            LearnerFactory.trainOn(learner, stream);
            long interval = options.batchInterval().toMillis();
            stream.foreachBatch((batch, time) -> {
                // numbered by batch time, so a batch run again after a restart keeps its number
                long batchNo = (time.millis() - ssc.zeroTime().millis()) / interval;
                long recordsBefore = stream.offsetsAt(time)
                        .filter(r -> r.from().partitions().equals(java.util.Set.of(SourceOffsets.SINGLE)))
                        .map(r -> r.from().singlePosition()).orElse(-1L);
                long count = batch.count();
                // registered after the learner's training, so this is the model after the batch
                requireFinite(learner.latestModel(), batchNo, recordsBefore, count);
                if (traceWriter != null) {
                    traceWriter.write(batchNo, count, learner.latestModel());
                }
                if (parameters != null) {
                    parameters.accept(learner.latestModel());
                }
            });
            ssc.addStreamingListener(metrics);
            if (checkpoint != null) {
                String run = "input " + data.describe() + ", batch size " + batchSize + ", partitions " + parts;
                ssc.registerCheckpointed(new Checkpointed() {
                    @Override
                    public String checkpointKind() {
                        return "train";
                    }

                    @Override
                    public String checkpointFingerprint() {
                        return run;
                    }

                    @Override
                    public Object checkpointState() {
                        return null;
                    }

                    @Override
                    public void restoreCheckpointState(Object state) {
                    }
                });
                ssc.checkpoint(checkpoint).recover();
                if (progress != null) {
                    ssc.restoredFrom().ifPresent(t -> progress.println("train: resuming after the checkpoint of batch "
                            + (t.millis() / interval) + " in " + checkpoint));
                }
            }
            ssc.start();
            try {
                EngineErrors.awaitTermination(ssc);
            } finally {
                bar.close();
            }
            if (traceWriter != null) {
                traceWriter.commit();
            }
        }
        if (progress != null) {
            metrics.places.forEach((place, t) -> progress.printf(Locale.ROOT,
                    "train: %s ran %d tasks in %.2f s%n", place, t[0], t[1] / 1e3));
            progress.flush();
        }
        return new Result(metrics.records, metrics.batches, metrics.processingNanos, learner.latestModel(),
                parts, prequential);
    }

    /**
     * Fails the run when {@code model}, the model after batch {@code batch} (records {@code before + 1} to
     * {@code before + count} of the input), has a NaN or infinite parameter: every later batch would keep it so,
     * and saving it would fail or, without {@code --output}, the run would end "successfully" with garbage.
     */
    private void requireFinite(Model model, long batch, long before, long count) {
        if (model.isFinite()) {
            return;
        }
        String hint = learner.modelType() == org.streamml.ml.model.KMeansModel.class
                ? "check the input for huge or infinite values"
                : "lower --step-size or scale the features (SGD diverged)";
        String records = before >= 0 ? "records " + (before + 1) + " to " + (before + count) + " of " + data.describe()
                : count + " records of " + data.describe();
        throw new ModelDivergedException("the model diverged to NaN or infinite parameters in batch " + batch
                + " (" + records + "): " + hint);
    }

    /** A model that became non-finite; {@link EngineErrors} passes it through the engine's wrapping. */
    static final class ModelDivergedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ModelDivergedException(String message) {
            super(message);
        }
    }

    /**
     * Without --partitions: one partition per task slot of the executor (the threads of {@code local[N]}, the
     * worker cores of {@code local-cluster[N,C]}), or, for a {@code cluster://} driver, which has no workers
     * when it starts, one per processor of this machine.
     */
    static int defaultPartitions(String master, int executorParallelism) {
        return master.strip().startsWith("cluster://") ? Runtime.getRuntime().availableProcessors()
                : Math.max(1, executorParallelism);
    }

    /** Sums the engine's batch metrics and reports progress about once a second. */
    private final class Metrics implements StreamingListener {
        private long records;
        private long batches;
        private long processingNanos;
        private final java.util.Map<String, long[]> places = new java.util.LinkedHashMap<>();
        private long lastReport = System.nanoTime();

        @Override
        public void onBatchCompleted(BatchInfo info) {
            records += info.records();
            batches++;
            processingNanos += info.processingNanos();
            for (org.streamml.streaming.BatchExecutor.TaskPlace p : info.places()) {
                long[] t = places.computeIfAbsent(p.place(), k -> new long[2]);
                t[0] += p.tasks();
                t[1] += p.taskMillis();
            }
            if (bar.isOn()) {
                bar.update(data.sizeBytes() > 0 ? data.bytesRead() : records, records);
                return;
            }
            long now = System.nanoTime();
            if (progress != null && now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                progress.printf(Locale.ROOT, "train: batch %d, %d records, %.0f records/s%n", batches, records,
                        processingNanos > 0 ? records / (processingNanos / 1e9) : 0.0);
                progress.flush();
            }
        }
    }
}
