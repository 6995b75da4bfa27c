package org.streamml.streaming.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.StreamingContext;

/**
 * StreamML's three streaming learners on the Spark executor against Spark MLlib's own
 * {@code StreamingLinearRegressionWithSGD}, {@code StreamingLogisticRegressionWithSGD} and
 * {@code StreamingKMeans}, on one real Spark standalone cluster in one run (one Spark application, the
 * same data, the same defaults), and StreamML embedded ({@code local[N]} threads) on the same machine.
 *
 * <p>Every engine trains on the same batches from a queue of the driver (MLlib: {@code queueStream} of
 * RDDs made by {@code parallelize}, as its users' tests do; StreamML: {@code queueStream} of lists), with
 * Spark's defaults (50 gradient iterations of step 0.1 on the whole batch; k-means with decay 1 from the
 * same initial centers). MLlib runs twice: as its {@code trainOn} does (the batch's RDD is not cached, so
 * each of its jobs ships and rebuilds the batch) and with every batch's RDD cached before it is queued,
 * its best case. The final models of all engines must agree (to 1e-9 relative): they did the same work.
 *
 * <p>Reported per engine and learner: records per second of summed batch processing time (each engine's
 * own processing time per batch: Spark Streaming's {@code processingDelay}, StreamML's {@link BatchInfo}),
 * the median and 95th percentile of a batch's processing time, and Spark jobs per batch. The first
 * {@code warmup} batches of each run are left out (JIT, executor start).
 *
 * <pre>streaming-spark/bench-mllib --batches 30 --batch 10000 --dim 10</pre>
 */
public final class MllibComparison {
    /** What to run. */
    public record Settings(int batches, int batchSize, int dim, int k, int partitions, int workers, int warmup,
                           long seed) {
        public static Settings defaults() {
            return new Settings(30, 10_000, 10, 5, 2, 2, 3, 42);
        }
    }

    /** One engine's measurement of one learner, and its final model as numbers. */
    public record Row(String learner, String engine, long records, double recordsPerSecond, double medianMillis,
                      double p95Millis, double jobsPerBatch, double[] model) {
    }

    private final Settings settings;
    private final JavaSparkContext spark;
    private final AtomicInteger jobs = new AtomicInteger();

    private MllibComparison(Settings settings, JavaSparkContext spark) {
        this.settings = settings;
        this.spark = spark;
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
            }
        });
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            s = switch (args[i]) {
                case "--batches" -> new Settings(v, s.batchSize(), s.dim(), s.k(), s.partitions(), s.workers(), s.warmup(), s.seed());
                case "--batch" -> new Settings(s.batches(), v, s.dim(), s.k(), s.partitions(), s.workers(), s.warmup(), s.seed());
                case "--dim" -> new Settings(s.batches(), s.batchSize(), v, s.k(), s.partitions(), s.workers(), s.warmup(), s.seed());
                case "--partitions" -> new Settings(s.batches(), s.batchSize(), s.dim(), s.k(), v, s.workers(), s.warmup(), s.seed());
                case "--workers" -> new Settings(s.batches(), s.batchSize(), s.dim(), s.k(), s.partitions(), v, s.warmup(), s.seed());
                case "--warmup" -> new Settings(s.batches(), s.batchSize(), s.dim(), s.k(), s.partitions(), s.workers(), v, s.seed());
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --batches --batch --dim --partitions --workers --warmup)");
            };
        }
        run(s, System.out);
    }

    /** Starts a standalone cluster of {@code settings.workers()} one-core workers, measures, prints a table. */
    public static List<Row> run(Settings settings, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("streamml-mllib-comparison");
        try (SparkStandalone cluster = SparkStandalone.start(dir, settings.workers());
             SparkExecutor executor = SparkExecutor.start(new SparkConf().setMaster(cluster.masterUrl())
                     .setAppName("StreamML vs MLlib")
                     .set("spark.executor.extraClassPath", SparkStandalone.streamMLClassPath())
                     .set("spark.executor.memory", "512m")
                     .set("spark.cores.max", Integer.toString(settings.workers())))) {
            MllibComparison c = new MllibComparison(settings, executor.sparkContext());
            List<Row> rows = new ArrayList<>();
            for (String learner : List.of("linreg", "logreg", "kmeans")) {
                List<List<LabeledPoint>> data = data(learner, settings);
                double[][] centers = learner.equals("kmeans") ? initialCenters(settings) : null;
                rows.add(c.mllib(learner, data, centers, false));
                rows.add(c.mllib(learner, data, centers, true));
                rows.add(c.streamml(learner, data, centers, SharedExecutor.of(executor), "StreamML on Spark"));
                rows.add(c.streamml(learner, data, centers, null, "StreamML local[" + settings.partitions() + "]"));
            }
            print(settings, rows, out);
            return rows;
        }
    }

    private Row mllib(String learner, List<List<LabeledPoint>> data, double[][] centers, boolean cached)
            throws InterruptedException {
        JavaStreamingContext jssc = new JavaStreamingContext(spark, Durations.milliseconds(100));
        Queue<JavaRDD<org.apache.spark.mllib.regression.LabeledPoint>> points = new LinkedList<>();
        Queue<JavaRDD<org.apache.spark.mllib.linalg.Vector>> vectors = new LinkedList<>();
        for (List<LabeledPoint> batch : data) {
            List<org.apache.spark.mllib.regression.LabeledPoint> rows = new ArrayList<>(batch.size());
            for (LabeledPoint p : batch) {
                rows.add(new org.apache.spark.mllib.regression.LabeledPoint(p.label(),
                        org.apache.spark.mllib.linalg.Vectors.dense(p.features().toArray())));
            }
            JavaRDD<org.apache.spark.mllib.regression.LabeledPoint> rdd = spark.parallelize(rows, settings.partitions());
            if (cached) {
                rdd.cache();
            }
            points.add(rdd);
            if (learner.equals("kmeans")) {
                JavaRDD<org.apache.spark.mllib.linalg.Vector> v = rdd.map(org.apache.spark.mllib.regression.LabeledPoint::features);
                vectors.add(cached ? v.cache() : v);
            }
        }
        List<Long> nanos = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        jssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
                synchronized (nanos) {
                    if (nanos.size() < data.size()) {
                        nanos.add(TimeUnit.MILLISECONDS.toNanos((Long) completed.batchInfo().processingDelay().get()));
                        if (nanos.size() == data.size()) {
                            done.countDown();
                        }
                    }
                }
            }
        });
        double[][] model = new double[1][];
        Runnable read;
        switch (learner) {
            case "linreg" -> {
                var lr = new org.apache.spark.mllib.regression.StreamingLinearRegressionWithSGD()
                        .setInitialWeights(org.apache.spark.mllib.linalg.Vectors.zeros(settings.dim()));
                lr.trainOn(jssc.queueStream(points, true));
                read = () -> model[0] = concat(lr.latestModel().weights().toArray(), lr.latestModel().intercept());
            }
            case "logreg" -> {
                var lr = new org.apache.spark.mllib.classification.StreamingLogisticRegressionWithSGD()
                        .setInitialWeights(org.apache.spark.mllib.linalg.Vectors.zeros(settings.dim()));
                lr.trainOn(jssc.queueStream(points, true));
                read = () -> model[0] = concat(lr.latestModel().weights().toArray(), lr.latestModel().intercept());
            }
            default -> {
                org.apache.spark.mllib.linalg.Vector[] initial = new org.apache.spark.mllib.linalg.Vector[centers.length];
                for (int i = 0; i < centers.length; i++) {
                    initial[i] = org.apache.spark.mllib.linalg.Vectors.dense(centers[i].clone());
                }
                var km = new org.apache.spark.mllib.clustering.StreamingKMeans().setK(centers.length)
                        .setDecayFactor(1.0).setInitialCenters(initial, new double[centers.length]);
                JavaDStream<org.apache.spark.mllib.linalg.Vector> stream = jssc.queueStream(vectors, true);
                km.trainOn(stream);
                read = () -> {
                    List<Double> all = new ArrayList<>();
                    for (org.apache.spark.mllib.linalg.Vector c : km.latestModel().clusterCenters()) {
                        for (double x : c.toArray()) {
                            all.add(x);
                        }
                    }
                    model[0] = all.stream().mapToDouble(Double::doubleValue).toArray();
                };
            }
        }
        int jobsBefore = jobs.get();
        jssc.start();
        boolean finished = done.await(30, TimeUnit.MINUTES);
        jssc.stop(false, false);
        if (!finished) {
            throw new IllegalStateException("MLlib's " + learner + " did not finish " + data.size() + " batches");
        }
        int jobsRun = jobs.get() - jobsBefore;
        read.run();
        for (JavaRDD<?> rdd : points) {
            rdd.unpersist(false);
        }
        return row(learner, cached ? "MLlib, batches cached" : "MLlib", data, nanos, jobsRun, model[0]);
    }

    private Row streamml(String learner, List<List<LabeledPoint>> data, double[][] centers,
                         org.streamml.streaming.BatchExecutor executor, String engine) throws InterruptedException {
        StreamingContext.Options options = StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withDefaultPartitions(settings.partitions())
                .withThreads(settings.partitions());
        if (executor != null) {
            options = options.withExecutor(executor);
        }
        List<Long> nanos = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        double[][] model = new double[1][];
        int jobsBefore = jobs.get();
        try (StreamingContext ssc = new StreamingContext(options)) {
            Queue<List<LabeledPoint>> queue = new ConcurrentLinkedQueue<>(data);
            Runnable read;
            switch (learner) {
                case "linreg" -> {
                    StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD()
                            .setInitialWeights(Vectors.zeros(settings.dim()));
                    lr.trainOn(ssc.queueStream(queue));
                    read = () -> model[0] = concat(lr.latestModel().weights(), lr.latestModel().intercept());
                }
                case "logreg" -> {
                    StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD()
                            .setInitialWeights(Vectors.zeros(settings.dim()));
                    lr.trainOn(ssc.queueStream(queue));
                    read = () -> model[0] = concat(lr.latestModel().weights(), lr.latestModel().intercept());
                }
                default -> {
                    double[][] initial = new double[centers.length][];
                    for (int i = 0; i < centers.length; i++) {
                        initial[i] = centers[i].clone();
                    }
                    StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(centers.length))
                            .setInitialCenters(initial, new double[centers.length]);
                    km.trainOn(ssc.queueStream(queue).map(LabeledPoint::features));
                    read = () -> model[0] = Arrays.stream(km.latestModel().centers()).flatMapToDouble(Arrays::stream).toArray();
                }
            }
            ssc.addStreamingListener(new org.streamml.streaming.StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    if (info.records() > 0 && nanos.size() < data.size()) {
                        nanos.add(info.processingNanos());
                        if (nanos.size() == data.size()) {
                            done.countDown();
                        }
                    }
                }
            });
            ssc.start();
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException(engine + "'s " + learner + " did not finish " + data.size() + " batches");
            }
            read.run();
        }
        return row(learner, engine, data, nanos, jobs.get() - jobsBefore, model[0]);
    }

    private Row row(String learner, String engine, List<List<LabeledPoint>> data, List<Long> nanos, int jobsRun,
                    double[] model) {
        int from = Math.min(settings.warmup(), nanos.size() - 1);
        long records = 0;
        long total = 0;
        List<Long> measured = new ArrayList<>(nanos.subList(from, nanos.size()));
        for (int b = from; b < nanos.size(); b++) {
            records += data.get(b).size();
            total += nanos.get(b);
        }
        measured.sort(null);
        double median = measured.get(measured.size() / 2) / 1e6;
        double p95 = measured.get(Math.min(measured.size() - 1, (int) Math.ceil(0.95 * measured.size()) - 1)) / 1e6;
        return new Row(learner, engine, records, records / (total / 1e9), median, p95,
                (double) jobsRun / data.size(), model);
    }

    private static void print(Settings s, List<Row> rows, PrintStream out) {
        out.printf("StreamML vs Spark MLlib %s: %d batches of %,d records, d = %d, %d partitions, %d one-core"
                        + " workers; first %d batches left out%n", org.apache.spark.package$.MODULE$.SPARK_VERSION(),
                s.batches(), s.batchSize(), s.dim(), s.partitions(), s.workers(), s.warmup());
        out.printf("%-7s %-24s %14s %12s %12s %10s %14s%n", "learner", "engine", "records/s", "median ms",
                "p95 ms", "jobs/batch", "vs MLlib");
        for (Row r : rows) {
            Row mllib = rows.stream().filter(x -> x.learner().equals(r.learner()) && x.engine().equals("MLlib"))
                    .findFirst().orElseThrow();
            out.printf("%-7s %-24s %,14.0f %12.2f %12.2f %10.1f %13.1fx%n", r.learner(), r.engine(),
                    r.recordsPerSecond(), r.medianMillis(), r.p95Millis(), r.jobsPerBatch(),
                    r.recordsPerSecond() / mllib.recordsPerSecond());
        }
    }

    private static double[] concat(double[] w, double b) {
        double[] out = Arrays.copyOf(w, w.length + 1);
        out[w.length] = b;
        return out;
    }

    /** Seeded batches: a linear target with noise, logistic labels, or k well-separated clusters. */
    static List<List<LabeledPoint>> data(String learner, Settings s) {
        Random rnd = new Random(s.seed() + learner.hashCode());
        double[] w = new double[s.dim()];
        for (int j = 0; j < w.length; j++) {
            w[j] = rnd.nextGaussian();
        }
        double[][] centers = new double[s.k()][s.dim()];
        for (double[] c : centers) {
            for (int j = 0; j < c.length; j++) {
                c[j] = rnd.nextGaussian() * 5;
            }
        }
        List<List<LabeledPoint>> batches = new ArrayList<>(s.batches());
        for (int b = 0; b < s.batches(); b++) {
            List<LabeledPoint> batch = new ArrayList<>(s.batchSize());
            for (int i = 0; i < s.batchSize(); i++) {
                double[] x = new double[s.dim()];
                double z = 0;
                for (int j = 0; j < x.length; j++) {
                    x[j] = learner.equals("kmeans") ? centers[i % s.k()][j] + rnd.nextGaussian() : rnd.nextDouble() * 2 - 1;
                    z += w[j] * x[j];
                }
                double y = switch (learner) {
                    case "linreg" -> z + 0.1 * rnd.nextGaussian();
                    case "logreg" -> rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0;
                    default -> 0.0;
                };
                batch.add(new LabeledPoint(y, Vectors.dense(x)));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** The k initial centers both k-means start from (zero weight, as Spark's {@code setRandomCenters}). */
    static double[][] initialCenters(Settings s) {
        Random rnd = new Random(s.seed());
        double[][] c = new double[s.k()][s.dim()];
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        return c;
    }
}
