package org.streamml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code streamml train}: streams a file through the engine as fast as the machine allows and trains a
 * streaming learner on it (DESIGN.md §4). Batch i holds records {@code (i-1)·N+1 … i·N} in file order,
 * split into P contiguous partitions; without an initial model, linear models start at zero weights
 * and k-means from the first k records with weight 0. The last line on standard output is a JSON
 * summary; progress goes to standard error.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a streaming learner on a file replayed as micro-batches.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--algorithm", required = true, description = "linreg, logreg or kmeans")
    private String algorithm;

    @Option(names = "--input", required = true, description = "the input file")
    private Path input;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or libsvm")
    private String format;

    @Option(names = "--batch-size", defaultValue = "1000", description = "records per batch (default 1000)")
    private int batchSize;

    @Option(names = "--partitions", description = "partitions per batch (default: the master's threads)")
    private Integer partitions;

    @Option(names = "--step-size", description = "gradient step size (Spark default 0.1)")
    private Double stepSize;

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

    @Option(names = "--k", description = "number of clusters (default 2)")
    private Integer k;

    @Option(names = "--decay-factor", description = "k-means forgetting factor (default 1.0)")
    private Double decayFactor;

    @Option(names = "--half-life", description = "k-means half-life, instead of --decay-factor")
    private Double halfLife;

    @Option(names = "--time-unit", description = "batches (default) or points")
    private String timeUnit;

    @Option(names = "--trace", description = "write the model after every batch to this JSON Lines file")
    private Path trace;

    @Option(names = "--master", defaultValue = "local[2]", description = "local, local[N] or local[*] (local[2])")
    private String master;

    @Option(names = "--skip-bad-records", description = "skip and count malformed lines instead of failing")
    private boolean skipBadRecords;

    @Option(names = {"-q", "--quiet"}, description = "no progress on standard error")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        long wallStart = System.nanoTime();
        Algorithm algo = Algorithm.parse(algorithm);
        int threads = Master.localThreads(master);
        int parts = partitions == null ? threads : partitions;
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1: " + batchSize);
        }
        if (parts < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1: " + parts);
        }
        CliLearner learner = LearnerFactory.create(algo, this);
        PrintWriter err = spec.commandLine().getErr();
        TrainingInput data = TrainingInput.read(input, TrainingInput.Format.parse(format), algo.labelled(),
                skipBadRecords);
        if (data.skipped() > 0 && !quiet) {
            err.printf(Locale.ROOT, "train: skipped %d malformed line(s) of %s%n", data.skipped(), input);
        }
        if (data.points().isEmpty()) {
            throw new IllegalArgumentException("the input " + input + " has no records");
        }
        learner.initializeFrom(data);
        TrainingRun.Result result = new TrainingRun(learner, data, batchSize, parts, threads, trace,
                quiet ? null : err).run();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double processing = result.processingNanos() / 1e9;
        double rate = processing > 0 ? result.records() / processing : 0.0;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "{\"records\":%d,\"batches\":%d,\"processing_seconds\":%s,"
                        + "\"records_per_second\":%s,\"wall_seconds\":%s}%n", result.records(), result.batches(),
                Double.toString(processing), Double.toString(rate), Double.toString(wall));
        out.flush();
        return 0;
    }

    String algorithm() {
        return algorithm;
    }

    Double stepSize() {
        return stepSize;
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
