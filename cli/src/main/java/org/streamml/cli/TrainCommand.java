package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.adaptation.AdaptiveLearner;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.StreamingContext;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormat;
import org.streamml.modelio.ModelIO;
import org.streamml.viz.VizOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code streamml train}: streams a file through the engine as fast as the machine allows and trains a
 * streaming learner on it (DESIGN.md §4). Batch i holds records {@code (i-1)·N+1 … i·N} in file order,
 * split into P contiguous partitions; without an initial model, linear models start at zero weights
 * and k-means from the first k records with weight 0. The file is streamed through the engine by a
 * replay source, never loaded whole (a 10-million-row file trains in a 256 MB heap); only the first records
 * that seed the learner are read ahead. The last line on standard output is a JSON summary, with the run's
 * prequential metric (every batch scored by the model before it trained on it) and, with {@code --drift-detector},
 * the number of batches that saw a drift; progress and a summary for people go to standard error. The input may
 * be {@code -} (standard input); CSV inputs take {@link CsvOptions}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a streaming learner on a file replayed as micro-batches.",
        footer = {"", "The last line on standard output is a JSON summary: records, batches, processing_seconds,"
                + " records_per_second, wall_seconds, the prequential metric of the whole run (each batch scored by"
                + " the model before it trained on it): prequential_accuracy (logreg), prequential_rmse (linreg) or"
                + " prequential_cost (kmeans, the sum of squared distances to the nearest center), and with"
                + " --drift-detector the number of batches that saw a drift (drifts). Standard error has the same"
                + " for people (unless -q) and, on a terminal, a progress bar (unless --no-progress).",
                "", "Short options: -a --algorithm, -i --input (- for standard input), -o --output, -q --quiet."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--no-verify",
            description = "load a JSON or PMML model file even when its checksum does not match (a file edited by hand)")
    private boolean noVerify;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-a", "--algorithm"}, required = true, description = "linreg, logreg or kmeans")
    private String algorithm;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "the input file, - for standard input, or a Kafka topic (one CSV or LibSVM line per record)")
    private String input;

    @Option(names = "--follow", description = "with a kafka:// input, keep consuming (1 s batches) until stopped"
            + " instead of ending at the offsets the topic had at the start")
    private boolean follow;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or libsvm")
    private String format;

    @Option(names = "--batch-size", defaultValue = "1000", description = "records per batch (default 1000)")
    private int batchSize;

    @Option(names = "--partitions", description = "partitions per batch (default: the master's threads)")
    private Integer partitions;

    @Option(names = "--optimizer", paramLabel = "mini-batch|sgd|adagrad|ftrl",
            description = "linreg/logreg: mini-batch (default, Spark's per-batch gradient descent), or an online"
                    + " per-record optimizer over each partition, merged per batch by averaging: sgd, adagrad, ftrl")
    private String optimizer;

    @Option(names = "--step-size", description = "gradient step size (Spark default 0.1); with an online"
            + " --optimizer its learning rate (sgd, adagrad: eta; ftrl: alpha; default 0.1)")
    private Double stepSize;

    @Option(names = "--rate-schedule", paramLabel = "inverse-sqrt|constant",
            description = "--optimizer sgd: eta/sqrt(t) over the records seen (default) or a constant eta")
    private String rateSchedule;

    @Option(names = "--ftrl-beta", description = "--optimizer ftrl: beta of the rate alpha/(beta + sqrt(n)) (1.0)")
    private Double ftrlBeta;

    @Option(names = "--l1", description = "--optimizer ftrl: L1 strength lambda1 (0)")
    private Double l1;

    @Option(names = "--l2", description = "--optimizer ftrl: L2 strength lambda2 (0)")
    private Double l2;

    @Option(names = "--iterations", description = "gradient descent iterations per batch (Spark default 50)")
    private Integer iterations;

    @Option(names = "--reg-param", description = "regularization (default 0; no effect on linreg, as in Spark)")
    private Double regParam;

    @Option(names = "--mini-batch-fraction", description = "fraction of a batch sampled per iteration (1.0)")
    private Double miniBatchFraction;

    @Option(names = "--convergence-tol", description = "convergence tolerance (Spark default 0.001)")
    private Double convergenceTol;

    @Option(names = "--seed", description = "seed of the mini-batch sampler (default 42, as Spark)")
    private Long seed;

    @Option(names = "--forgetting-factor", description = "linreg and logreg: weight of the previous model against"
            + " a batch of n points, (a*N*w_old + n*w_batch)/(a*N + n) (default 0, Spark's: keep each batch's result)")
    private Double forgettingFactor;

    @Option(names = "--drift-detector", paramLabel = "NAME", description = "watch the prequential errors (logreg:"
            + " 0/1, linreg: absolute, kmeans: distance to the nearest center) with adwin, ddm, eddm, page-hinkley or"
            + " kswin (ddm and eddm: logreg only) and adapt the model on drift as --on-drift says")
    private String driftDetector;

    @Option(names = "--on-drift", paramLabel = "POLICY", description = "with --drift-detector: reset (default: a"
            + " blank model), reset-to-offline (back to the initial model), raise-forgetting (for 10 batches,"
            + " --forgetting-factor or --decay-factor times 0.1) or background (swap in a model trained since the"
            + " detector's warning)")
    private String onDrift;

    @Option(names = "--k", description = "number of clusters (default 2)")
    private Integer k;

    @Option(names = "--decay-factor", description = "k-means forgetting factor (default 1.0)")
    private Double decayFactor;

    @Option(names = "--half-life", description = "k-means half-life, instead of --decay-factor")
    private Double halfLife;

    @Option(names = "--time-unit", description = "batches (default) or points")
    private String timeUnit;

    @CommandLine.Mixin
    private CsvOptions csv = new CsvOptions();

    @CommandLine.Mixin
    private ProgressOption progressBar = new ProgressOption();

    @Option(names = "--trace", description = "write the model after every batch to this JSON Lines file")
    private Path trace;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "checkpoint after every batch to DIR; a killed run started again with the same command"
                    + " resumes from its last checkpoint and ends with the model and trace of an unbroken run")
    private Path checkpoint;

    @Option(names = "--initial-model", paramLabel = "FILE",
            description = "start from this model file (JSON, binary or PMML); its version continues")
    private Path initialModel;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL",
            description = "save the final model here (format from the extension: .json, .pmml, else binary)")
    private Path output;

    @Option(names = "--master", defaultValue = "local[2]", description = "local[N] (threads, default local[2]), "
            + "local-cluster[N] (N worker processes on this machine), cluster://HOST:PORT (listen for workers; the secret comes from $STREAMML_CLUSTER_SECRET), "
            + "spark://HOST:PORT (a Spark standalone master) or spark-local[N] (Spark in this process); see README, Running on Spark")
    private String master;

    @Option(names = "--skip-bad-records", description = "skip and count malformed lines instead of failing")
    private boolean skipBadRecords;

    @Option(names = "--dashboard", paramLabel = "PORT",
            description = "serve live charts of the model and the batches on http://127.0.0.1:PORT/ (0: any port)")
    private Integer dashboardPort;

    @Option(names = "--charts", paramLabel = "DIR", description = "write PNG and SVG charts of the model and the"
            + " batches into DIR")
    private Path chartsDir;

    @CommandLine.Mixin
    private MetricsOptions metrics;

    @Option(names = {"-q", "--quiet"}, description = "no progress on standard error")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        long wallStart = System.nanoTime();
        Algorithm algo = Algorithm.parse(algorithm);
        StreamingContext.Options.defaults().withMaster(master); // an unknown or malformed master fails here
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1: " + batchSize);
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1: " + partitions);
        }
        if (output != null && output.toString().equals("-")) {
            throw new IllegalArgumentException("--output - is not for train: its standard output carries the JSON"
                    + " summary; name a model file (.json, .pmml, else binary)");
        }
        boolean stdin = CountedInput.isStandardInput(input);
        if (stdin && checkpoint != null) {
            throw new IllegalArgumentException("--checkpoint needs an input that can be read again on a restart;"
                    + " standard input (--input -) cannot: save it to a file");
        }
        CliFiles.requireOutputFile("--output", output);
        CliFiles.requireOutputFile("--trace", trace);
        Path inputFile = KafkaAddress.isKafka(input) || stdin ? null : Path.of(input);
        if (inputFile != null) {
            CliFiles.requireDistinct("--output", output, "--input", inputFile);
            CliFiles.requireDistinct("--trace", trace, "--input", inputFile);
        }
        CliFiles.requireDistinct("--trace", trace, "--initial-model", initialModel);
        if (onDrift != null && driftDetector == null) {
            throw new IllegalArgumentException("--on-drift needs --drift-detector");
        }
        StreamingLearner<?, ?> learner = LearnerFactory.create(algo, this);
        PrintWriter err = spec.commandLine().getErr();
        TrainingInput data = TrainingInput.open(input, TrainingInput.Format.parse(format), algo.labelled(),
                skipBadRecords, csv, follow);
        List<LabeledPoint> first;
        try {
            first = data.first(LearnerFactory.recordsToSeed(learner));
        } catch (RuntimeException e) {
            throw inputFile == null ? e : CliFiles.explainRead(inputFile, e);
        }
        if (first.isEmpty()) {
            throw new IllegalArgumentException("the input " + input + " has no records");
        }
        int dimension = first.get(0).features().size();
        if (initialModel != null) {
            Model start = noVerify ? ModelIO.loadUnverified(initialModel) : ModelIO.load(initialModel);
            if (start.numFeatures() != dimension) {
                throw new IllegalArgumentException("the initial model " + initialModel + " has " + start.numFeatures()
                        + " features but the input " + input + " has " + dimension);
            }
            LearnerFactory.setInitialModel(learner, start);
        }
        LearnerFactory.seed(learner, dimension, first);
        StreamingLearner<?, ?> trained = driftDetector == null ? learner
                : LearnerFactory.adaptive(learner, driftDetector, onDrift);
        TrainingRun.Result result;
        try {
            ProgressBar bar = quiet ? ProgressBar.off() : data.sizeBytes() > 0
                    ? progressBar.bar(err, "train", data.sizeBytes(), true, "records")
                    : progressBar.bar(err, "train", -1, false, "records");
            result = new TrainingRun(trained, data, batchSize, partitions, master, trace, quiet ? null : err)
                    .withCharts(vizOptions()).withCheckpoint(checkpoint).withProgressBar(bar).withMetrics(metrics)
                    .run();
        } catch (RuntimeException | IOException e) {
            throw inputFile == null ? e : CliFiles.explainRead(inputFile, e);
        }
        if (data.skipped() > 0 && !quiet) {
            err.printf(Locale.ROOT, "train: skipped %d malformed line(s) of %s%n", data.skipped(), input);
        }
        if (output != null) {
            ModelFile file = ModelFile.of(result.model(), trainingOptions(result.partitions(), inputFile));
            CliFiles.writing(output, () -> ModelIO.save(file, output, ModelFormat.forFileName(output)));
            if (!quiet) {
                err.printf(Locale.ROOT, "train: saved the model (version %d) to %s%n", result.model().version(), output);
            }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double processing = result.processingNanos() / 1e9;
        double rate = processing > 0 ? result.records() / processing : 0.0;
        PrintWriter out = spec.commandLine().getOut();
        String drifts = trained instanceof AdaptiveLearner<?, ?> a ? ",\"drifts\":" + a.detections().size() : "";
        if (!quiet) {
            summary(err, result, wall, processing, rate, trained instanceof AdaptiveLearner<?, ?> a
                    ? a.detections().size() : -1);
        }
        out.printf(Locale.ROOT, "{\"records\":%d,\"batches\":%d,\"processing_seconds\":%s,"
                        + "\"records_per_second\":%s,\"wall_seconds\":%s,%s%s}%n", result.records(),
                result.batches(), Double.toString(processing), Double.toString(rate), Double.toString(wall),
                result.prequential().jsonField(), drifts);
        out.flush();
        return 0;
    }

    /**
     * The run's summary for people, on standard error before the JSON line (which stays the last line of standard
     * output, for scripts): "train: 10,000 records in 10 batches, 1.52 s (0.98 s processing, 10,204 records/s)",
     * then the prequential metric and, with a drift detector, the drifts.
     */
    private static void summary(PrintWriter err, TrainingRun.Result result, double wall, double processing,
                                double rate, int drifts) {
        err.printf(Locale.ROOT, "train: %,d record%s in %,d batch%s, %.2f s (%.2f s processing, %,.0f records/s)%n",
                result.records(), result.records() == 1 ? "" : "s", result.batches(), result.batches() == 1 ? "" : "es",
                wall, processing, rate);
        err.println("train: " + result.prequential().describe());
        if (drifts >= 0) {
            err.printf(Locale.ROOT, "train: %d batch%s saw a drift%n", drifts, drifts == 1 ? "" : "es");
        }
        err.flush();
    }

    /** The chart sinks asked for with --dashboard and --charts, or {@code null} for none. */
    private VizOptions vizOptions() {
        if (dashboardPort == null && chartsDir == null) {
            return null;
        }
        return VizOptions.defaults().withDashboardPort(dashboardPort == null ? -1 : dashboardPort)
                .withChartsDir(chartsDir);
    }

    /** The options this run was given, recorded in the saved model file. */
    private Map<String, String> trainingOptions(int parts, Path inputFile) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("algorithm", algorithm);
        o.put("input", inputFile == null ? (CountedInput.isStandardInput(input) ? "standard input" : input)
                : inputFile.getFileName().toString());
        o.put("batch-size", Integer.toString(batchSize));
        o.put("partitions", Integer.toString(parts));
        putIfSet(o, "optimizer", optimizer);
        putIfSet(o, "step-size", stepSize);
        putIfSet(o, "rate-schedule", rateSchedule);
        putIfSet(o, "ftrl-beta", ftrlBeta);
        putIfSet(o, "l1", l1);
        putIfSet(o, "l2", l2);
        putIfSet(o, "iterations", iterations);
        putIfSet(o, "reg-param", regParam);
        putIfSet(o, "mini-batch-fraction", miniBatchFraction);
        putIfSet(o, "convergence-tol", convergenceTol);
        putIfSet(o, "forgetting-factor", forgettingFactor);
        putIfSet(o, "drift-detector", driftDetector);
        putIfSet(o, "on-drift", onDrift);
        putIfSet(o, "k", k);
        putIfSet(o, "decay-factor", decayFactor);
        putIfSet(o, "half-life", halfLife);
        putIfSet(o, "time-unit", timeUnit);
        putIfSet(o, "initial-model", initialModel == null ? null : initialModel.getFileName());
        // how the model's batch times were produced, so that model inspect prints them right (ModelTimes)
        o.put(ModelTimes.CLOCK_OPTION, follow ? ModelTimes.WALL : ModelTimes.LOGICAL);
        o.put(ModelTimes.INTERVAL_OPTION, "1000");
        return o;
    }

    private static void putIfSet(Map<String, String> o, String key, Object value) {
        if (value != null) {
            o.put(key, value.toString());
        }
    }

    String algorithm() {
        return algorithm;
    }

    String optimizer() {
        return optimizer;
    }

    Double stepSize() {
        return stepSize;
    }

    String rateSchedule() {
        return rateSchedule;
    }

    Double ftrlBeta() {
        return ftrlBeta;
    }

    Double l1() {
        return l1;
    }

    Double l2() {
        return l2;
    }

    Integer iterations() {
        return iterations;
    }

    Double regParam() {
        return regParam;
    }

    Double miniBatchFraction() {
        return miniBatchFraction;
    }

    Double convergenceTol() {
        return convergenceTol;
    }

    Long seed() {
        return seed;
    }

    Double forgettingFactor() {
        return forgettingFactor;
    }

    Integer k() {
        return k;
    }

    Double decayFactor() {
        return decayFactor;
    }

    Double halfLife() {
        return halfLife;
    }

    String timeUnit() {
        return timeUnit;
    }
}
