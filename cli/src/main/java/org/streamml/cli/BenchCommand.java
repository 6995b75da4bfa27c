package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.online.OnlineLinearRegression;
import org.streamml.ml.online.OnlineLogisticRegression;
import org.streamml.ml.online.OnlineOptimizer;
import org.streamml.ml.online.OnlineOptions;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.modelio.ModelIO;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.io.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamml bench}: the numbers of this machine in one command. Each workload runs a warm-up, then
 * several rounds over the same generated data; a round's speed is its records over the summed processing
 * time of its batches (what the engine reports per batch, as Spark's streaming tab does), and the table
 * gives the median of the rounds with the slowest and fastest, the 50th and 99th percentile of the
 * measured batches' times, and the first (cold) batch separately.
 *
 * <p>Workloads: {@code engine} (map, filter, countByValue), {@code kmeans}, {@code linreg} and
 * {@code logreg} (Spark's defaults, Spark-exact), {@code linreg-sgd|adagrad|ftrl} and
 * {@code logreg-sgd|adagrad|ftrl} (the online mode, {@link OnlineOptions#defaults()} with that optimizer),
 * {@code detector} (the anomaly detector on one series,
 * per record), {@code model-save} and {@code model-load} (a linear model file, per file). {@code --save}
 * writes the results as tab-separated text; {@code --compare} puts a saved run beside this one.
 * Before the workloads it measures the machine's limits ({@link MachineLimits}: one thread's memory bandwidth,
 * one core's FMA rate) and gives each streaming workload's fraction of what one pass over its rows allows.
 * JMH (the {@code benchmarks} module) stays for micro-benchmarks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine, the learners, the anomaly detector and model files on this machine.")
public final class BenchCommand implements Callable<Integer> {
    static final List<String> WORKLOADS = List.of("engine", "kmeans", "linreg", "logreg", "linreg-sgd",
            "linreg-adagrad", "linreg-ftrl", "logreg-sgd", "logreg-adagrad", "logreg-ftrl", "detector",
            "model-save", "model-load");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
            description = "Records per round (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "10000",
            description = "Records per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "10",
            description = "Features per record (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions and executor threads (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "Measured rounds per workload (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Rounds run before measuring, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--only", paramLabel = "WORKLOAD", split = ",",
            description = "Run only these workloads: engine, kmeans, linreg, logreg, linreg-sgd, linreg-adagrad, "
                    + "linreg-ftrl, logreg-sgd, logreg-adagrad, logreg-ftrl (online mode), detector, model-save, "
                    + "model-load.")
    List<String> only;

    @Option(names = "--skip-limits",
            description = "Do not measure the machine's memory bandwidth and FMA rate (about two seconds).")
    boolean skipLimits;

    @Option(names = "--save", paramLabel = "FILE", description = "Also write the results to FILE (tab-separated).")
    Path save;

    @Option(names = "--compare", paramLabel = "FILE", description = "Show a run saved with --save beside this one.")
    Path compare;

    /** One workload's measurements. */
    record Result(String workload, String unit, double median, double min, double max, double p50Millis,
                  double p99Millis, double firstMillis) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        require(rows > 0, "--rows", rows);
        require(batch > 0, "--batch", batch);
        require(dim > 0, "--dim", dim);
        require(partitions > 0, "--partitions", partitions);
        require(rounds > 0, "--rounds", rounds);
        require(warmup >= 0, "--warmup", warmup);
        List<String> chosen = only == null ? WORKLOADS : only;
        for (String w : chosen) {
            if (!WORKLOADS.contains(w)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--only: unknown workload '" + w + "' (expected one of " + String.join(", ", WORKLOADS) + ")");
            }
        }
        Map<String, Result> saved = compare == null ? Map.of() : readSaved(compare);
        if (save != null) {
            CliFiles.requireOutputFile("--save", save);
        }
        out.println(machine());
        MachineLimits limits = skipLimits ? null : MachineLimits.measure();
        if (limits != null) {
            out.println(limits.describe(dim, partitions));
        }
        out.printf(Locale.ROOT, "%d rows per round, batch %d, d = %d, %d partitions, %d warm-up + %d rounds%n",
                rows, batch, dim, partitions, warmup, rounds);
        List<Result> results = new ArrayList<>();
        for (String w : chosen) {
            Result r = run(w);
            results.add(r);
        }
        out.print(table(results, saved, limits == null ? 0 : limits.onePassRecordsPerSecond(dim, partitions)));
        out.flush();
        if (save != null) {
            Path file = save;
            CliFiles.writing(file, () -> AtomicFile.write(file, serialize(results).getBytes(StandardCharsets.UTF_8)));
        }
        return 0;
    }

    private void require(boolean ok, String option, int value) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be "
                    + (option.equals("--warmup") ? "0 or more" : "positive") + ": " + value);
        }
    }

    /** The processor, the JVM and the load when the run started, for the report. */
    static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "machine: %d cores, Java %s, load average %s", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"),
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load));
    }

    Result run(String workload) throws Exception {
        return switch (workload) {
            case "detector" -> detector();
            case "model-save", "model-load" -> modelFiles(workload.equals("model-save"));
            default -> stream(workload);
        };
    }

    /** A streaming workload through a running context on a manual clock: one batch per clock tick. */
    private Result stream(String workload) throws InterruptedException {
        Random rnd = new Random(42);
        List<List<LabeledPoint>> batches = new ArrayList<>();
        List<List<Vector>> vectorBatches = new ArrayList<>();
        for (int start = 0; start < rows; start += batch) {
            int n = Math.min(batch, rows - start);
            List<LabeledPoint> b = workload.equals("kmeans") ? clusters(rnd, n)
                    : linear(rnd, n, workload.startsWith("logreg"));
            batches.add(b);
            if (workload.equals("kmeans")) {
                List<Vector> v = new ArrayList<>(n);
                b.forEach(p -> v.add(p.features()));
                vectorBatches.add(v);
            }
        }
        ManualClock clock = new ManualClock();
        ConcurrentLinkedQueue<List<LabeledPoint>> queue = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<List<Vector>> vectors = new ConcurrentLinkedQueue<>();
        Semaphore completed = new Semaphore(0);
        long[] processing = new long[batches.size() * (warmup + rounds) + 1];
        int[] done = {0};
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(partitions)
                .withThreads(partitions).withStopWhenInputsExhausted(false))) {
            switch (workload) {
                case "kmeans" -> {
                    StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(5));
                    km.setRandomCenters(dim, 0.0, 42L);
                    km.trainOn(ssc.queueStream(vectors));
                }
                case "linreg" -> new StreamingLinearRegressionWithSGD().setInitialWeights(Vectors.zeros(dim))
                        .trainOn(ssc.queueStream(queue));
                case "logreg" -> new StreamingLogisticRegressionWithSGD().setInitialWeights(Vectors.zeros(dim))
                        .trainOn(ssc.queueStream(queue));
                case "linreg-sgd", "linreg-adagrad", "linreg-ftrl" ->
                        new OnlineLinearRegression(online(workload)).setInitialWeights(Vectors.zeros(dim))
                                .trainOn(ssc.queueStream(queue));
                case "logreg-sgd", "logreg-adagrad", "logreg-ftrl" ->
                        new OnlineLogisticRegression(online(workload)).setInitialWeights(Vectors.zeros(dim))
                                .trainOn(ssc.queueStream(queue));
                default -> {
                    DStream<LabeledPoint> in = ssc.queueStream(queue);
                    in.map(p -> (int) (p.features().get(0) * 8)).filter(k -> k >= 0).countByValue()
                            .foreachBatch((b, t) -> b.count());
                }
            }
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    if (done[0] < processing.length) {
                        processing[done[0]++] = info.processingNanos();
                    }
                    completed.release();
                }
            });
            ssc.start();
            for (int round = 0; round < warmup + rounds; round++) {
                for (int i = 0; i < batches.size(); i++) {
                    if (workload.equals("kmeans")) {
                        vectors.add(vectorBatches.get(i));
                    } else {
                        queue.add(batches.get(i));
                    }
                    clock.advance(1000);
                    if (!completed.tryAcquire(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("bench " + workload + ": a batch did not complete within 120 s;"
                                + " the context is " + ssc.state());
                    }
                }
            }
        }
        return summarize(workload, "rec/s", processing, batches.size(), rows);
    }

    /** The online mode's defaults with the optimizer a workload names after its dash ({@code linreg-ftrl}). */
    private static OnlineOptions online(String workload) {
        String optimizer = workload.substring(workload.indexOf('-') + 1).toUpperCase(Locale.ROOT);
        return OnlineOptions.defaults().withOptimizer(OnlineOptimizer.valueOf(optimizer));
    }

    /** The anomaly detector scoring one long series, record by record, timed per batch of records. */
    private Result detector() {
        Random rnd = new Random(7);
        int n = rows;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_400_000_000_000L + 300_000L * i;
            v[i] = 50 + 10 * Math.sin(2 * Math.PI * i / 288) + rnd.nextGaussian() + (i % 5000 == 4999 ? 40 : 0);
        }
        int per = (n + batch - 1) / batch;
        long[] times = new long[per * (warmup + rounds)];
        double sink = 0;
        int k = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            StreamingAnomalyDetector d = new StreamingAnomalyDetector();
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                long t0 = System.nanoTime();
                for (int i = start; i < end; i++) {
                    sink += d.score(t[i], v[i]);
                }
                times[k++] = System.nanoTime() - t0;
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the detector scored NaN");
        }
        return summarize("detector", "rec/s", times, per, n);
    }

    /** Writing or reading a linear model file of {@code dim} weights; one "batch" is 100 files. */
    private Result modelFiles(boolean writing) throws IOException {
        Path dir = Files.createTempDirectory("streamml-bench");
        try {
            double[] w = new double[dim];
            Arrays.setAll(w, j -> 0.1 * j - 0.3);
            LinearRegressionModel model = new LinearRegressionModel(w, 0.5, 12, 120_000);
            Path file = dir.resolve("model.json");
            ModelIO.save(model, file);
            int perBatch = 100;
            int batchesPerRound = 5;
            long[] times = new long[batchesPerRound * (warmup + rounds)];
            int k = 0;
            for (int round = 0; round < warmup + rounds; round++) {
                for (int b = 0; b < batchesPerRound; b++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < perBatch; i++) {
                        if (writing) {
                            ModelIO.save(model, file);
                        } else if (ModelIO.load(file, LinearRegressionModel.class).numFeatures() != dim) {
                            throw new IllegalStateException("the model read back has the wrong dimension");
                        }
                    }
                    times[k++] = System.nanoTime() - t0;
                }
            }
            return summarize(writing ? "model-save" : "model-load", "files/s", times, batchesPerRound,
                    batchesPerRound * perBatch);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The result from per-batch times: {@code perRound} batches a round, the first {@link #warmup} rounds
     * left out of the speed and the percentiles, the very first batch reported on its own.
     */
    Result summarize(String workload, String unit, long[] nanos, int perRound, long unitsPerRound) {
        double[] speeds = new double[rounds];
        long[] measured = new long[perRound * rounds];
        for (int r = 0; r < rounds; r++) {
            long sum = 0;
            for (int i = 0; i < perRound; i++) {
                long x = nanos[(warmup + r) * perRound + i];
                sum += x;
                measured[r * perRound + i] = x;
            }
            speeds[r] = unitsPerRound / (Math.max(1, sum) / 1e9);
        }
        Arrays.sort(speeds);
        Arrays.sort(measured);
        return new Result(workload, unit, median(speeds), speeds[0], speeds[speeds.length - 1],
                percentile(measured, 0.50) / 1e6, percentile(measured, 0.99) / 1e6, nanos[0] / 1e6);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * The report; {@code onePass} (records per second one pass over the rows allows, 0 when not measured)
     * adds the fraction of it each streaming workload reaches (a learner making n passes a batch can reach
     * at most 1/n of it).
     */
    static String table(List<Result> results, Map<String, Result> saved, double onePass) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-15s %15s %27s %9s %9s %11s", "workload", "median", "slowest - fastest",
                "p50 ms", "p99 ms", "first ms"));
        if (onePass > 0) {
            s.append(String.format(Locale.ROOT, " %9s", "of 1 pass"));
        }
        if (!saved.isEmpty()) {
            s.append(String.format(Locale.ROOT, " %15s %7s", "saved median", "ratio"));
        }
        s.append('\n');
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "%-15s %15s %27s %9.3f %9.3f %11.3f", r.workload(),
                    speed(r.median(), r.unit()), speed(r.min(), "") + " - " + speed(r.max(), ""),
                    r.p50Millis(), r.p99Millis(), r.firstMillis()));
            if (onePass > 0) {
                String w = r.workload();
                boolean streaming = w.equals("engine") || w.equals("kmeans") || w.startsWith("linreg")
                        || w.startsWith("logreg");
                s.append(streaming ? String.format(Locale.ROOT, " %8.1f%%", 100 * r.median() / onePass)
                        : String.format(Locale.ROOT, " %9s", "-"));
            }
            Result old = saved.get(r.workload());
            if (old != null) {
                s.append(String.format(Locale.ROOT, " %15s %6.2fx", speed(old.median(), old.unit()),
                        r.median() / old.median()));
            } else if (!saved.isEmpty()) {
                s.append(String.format(Locale.ROOT, " %15s %7s", "-", "-"));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String speed(double x, String unit) {
        String n = x >= 1e6 ? String.format(Locale.ROOT, "%.2f M", x / 1e6)
                : x >= 1e3 ? String.format(Locale.ROOT, "%.1f k", x / 1e3) : String.format(Locale.ROOT, "%.1f", x);
        return unit.isEmpty() ? n : n + " " + unit;
    }

    static final String HEADER = "# streamml bench v1: workload unit median min max p50_ms p99_ms first_ms";

    static String serialize(List<Result> results) {
        StringBuilder s = new StringBuilder(HEADER).append('\n').append("# ").append(machine()).append('\n');
        for (Result r : results) {
            s.append(String.join("\t", r.workload(), r.unit(), Double.toString(r.median()), Double.toString(r.min()),
                    Double.toString(r.max()), Double.toString(r.p50Millis()), Double.toString(r.p99Millis()),
                    Double.toString(r.firstMillis()))).append('\n');
        }
        return s.toString();
    }

    /** A run written by {@code --save}; a file that is not one fails naming the file, line and rule. */
    static Map<String, Result> readSaved(Path file) throws IOException {
        CliFiles.requireInputFile("--compare", file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new CliFiles.FileError(file + " line 1: not a file written by streamml bench --save (expected '"
                    + HEADER + "')", null);
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 8) {
                throw new CliFiles.FileError(file + " line " + (i + 1) + ": expected 8 tab-separated fields, found "
                        + f.length, null);
            }
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                try {
                    x[j] = Double.parseDouble(f[j + 2]);
                } catch (NumberFormatException e) {
                    throw new CliFiles.FileError(file + " line " + (i + 1) + ", field " + (j + 3) + ": '" + f[j + 2]
                            + "' is not a number", null);
                }
                if (!(x[j] >= 0) || Double.isInfinite(x[j])) {
                    throw new CliFiles.FileError(file + " line " + (i + 1) + ", field " + (j + 3) + ": '" + f[j + 2]
                            + "' is not a finite number >= 0", null);
                }
            }
            out.put(f[0], new Result(f[0], f[1], x[0], x[1], x[2], x[3], x[4], x[5]));
        }
        return out;
    }

    private List<LabeledPoint> linear(Random rnd, int n, boolean logistic) {
        double[] w = new double[dim];
        for (int j = 0; j < dim; j++) {
            w[j] = new Random(1000 + j).nextGaussian();
        }
        List<LabeledPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = new double[dim];
            double z = 0;
            for (int j = 0; j < dim; j++) {
                x[j] = rnd.nextDouble() * 2 - 1;
                z += w[j] * x[j];
            }
            double y = logistic ? (rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0) : z + 0.1 * rnd.nextGaussian();
            out.add(new LabeledPoint(y, Vectors.dense(x)));
        }
        return out;
    }

    private List<LabeledPoint> clusters(Random rnd, int n) {
        double[][] centers = new double[5][dim];
        Random c = new Random(99);
        for (double[] center : centers) {
            for (int j = 0; j < dim; j++) {
                center[j] = c.nextGaussian() * 5;
            }
        }
        List<LabeledPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = new double[dim];
            for (int j = 0; j < dim; j++) {
                x[j] = centers[i % 5][j] + rnd.nextGaussian();
            }
            out.add(new LabeledPoint(0.0, Vectors.dense(x)));
        }
        return out;
    }
}
