package org.streamml.benchmarks.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.online.OnlineLinearAlgorithm;
import org.streamml.ml.online.OnlineLinearRegression;
import org.streamml.ml.online.OnlineLogisticRegression;
import org.streamml.ml.online.OnlineOptimizer;
import org.streamml.ml.online.OnlineOptions;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.BatchInfo;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;

/**
 * One training batch per operation through a running {@link StreamingContext}: the batch is queued,
 * the manual clock fires it, and the operation ends when the engine reports it complete, so the time
 * includes scheduling, partitioning, the per-partition kernels and the driver update. Batch 10,000
 * records, d = 10, 2 partitions on 2 executor threads, Spark's defaults (k-means: k = 5), or one pass of an
 * online optimizer.
 * Records per second = 10,000 / the mean time per operation; SampleTime mode also gives percentiles.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StreamingLearnerBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StreamingLearnerBenchmark {
    static final int BATCH = 10_000;
    static final int DIM = 10;
    static final int PARTITIONS = 2;

    /**
     * The learner under test; {@code engine} registers an empty output, the engine's own cost per batch;
     * {@code linreg-sgd} … {@code logreg-ftrl} are the online mode's learners (per-record optimizer, partitions
     * merged by averaging), with an intercept and learning rate 0.5.
     */
    @Param({"kmeans", "linreg", "logreg", "engine", "linreg-sgd", "linreg-adagrad", "linreg-ftrl", "logreg-sgd",
            "logreg-adagrad", "logreg-ftrl"})
    public String algorithm;

    private StreamingContext ssc;
    private ManualClock clock;
    private final ConcurrentLinkedQueue<List<LabeledPoint>> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<List<Vector>> vectorQueue = new ConcurrentLinkedQueue<>();
    private final Semaphore completed = new Semaphore(0);
    private List<LabeledPoint> batch;
    private List<Vector> vectors;

    /** Generates the batch and starts the context with the learner registered. */
    @Setup(Level.Trial)
    public void start() {
        Random rnd = new Random(42);
        batch = switch (algorithm) {
            case "kmeans" -> clusters(rnd);
            case "linreg" -> linear(rnd, false);
            case "logreg", "engine" -> linear(rnd, true);
            case "linreg-sgd", "linreg-adagrad", "linreg-ftrl" -> linear(rnd, false);
            case "logreg-sgd", "logreg-adagrad", "logreg-ftrl" -> linear(rnd, true);
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        };
        clock = new ManualClock();
        ssc = new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(clock).withDefaultPartitions(PARTITIONS).withThreads(PARTITIONS)
                .withStopWhenInputsExhausted(false));
        switch (algorithm) {
            case "kmeans" -> {
                vectors = new ArrayList<>(BATCH);
                for (LabeledPoint p : batch) {
                    vectors.add(p.features());
                }
                StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(5));
                km.setRandomCenters(DIM, 0.0, 42L);
                km.trainOn(ssc.queueStream(vectorQueue));
            }
            case "linreg" -> new StreamingLinearRegressionWithSGD().setInitialWeights(Vectors.zeros(DIM))
                    .trainOn(ssc.queueStream(queue));
            case "logreg" -> new StreamingLogisticRegressionWithSGD().setInitialWeights(Vectors.zeros(DIM))
                    .trainOn(ssc.queueStream(queue));
            case "engine" -> ssc.queueStream(queue).foreachBatch((b, t) -> { });
            default -> online(algorithm).trainOn(ssc.queueStream(queue));
        }
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                completed.release();
            }
        });
        ssc.start();
    }

    /** Stops the context. */
    @TearDown(Level.Trial)
    public void stop() {
        ssc.close();
    }

    /** Trains on one batch of 10,000 records. */
    @Benchmark
    public void trainOneBatch() throws InterruptedException {
        if (vectors != null) {
            vectorQueue.add(vectors);
        } else {
            queue.add(batch);
        }
        clock.advance(1000);
        if (!completed.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the batch did not complete; the context is " + ssc.state());
        }
    }

    /** The online learner {@code name} ({@code linreg-ftrl}) names, from zero weights. */
    private static OnlineLinearAlgorithm<?> online(String name) {
        String[] parts = name.split("-");
        OnlineOptions o = OnlineOptions.defaults().withLearningRate(0.5)
                .withOptimizer(OnlineOptimizer.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)));
        OnlineLinearAlgorithm<?> learner = parts[0].equals("linreg") ? new OnlineLinearRegression(o)
                : new OnlineLogisticRegression(o);
        return learner.setInitialWeights(Vectors.zeros(DIM));
    }

    private static List<LabeledPoint> linear(Random rnd, boolean logistic) {
        double[] w = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            w[j] = rnd.nextGaussian();
        }
        List<LabeledPoint> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            double[] x = new double[DIM];
            double z = 0;
            for (int j = 0; j < DIM; j++) {
                x[j] = rnd.nextDouble() * 2 - 1;
                z += w[j] * x[j];
            }
            double y = logistic ? (rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0)
                    : z + 0.1 * rnd.nextGaussian();
            out.add(new LabeledPoint(y, Vectors.dense(x)));
        }
        return out;
    }

    private static List<LabeledPoint> clusters(Random rnd) {
        double[][] centers = new double[5][DIM];
        for (double[] c : centers) {
            for (int j = 0; j < DIM; j++) {
                c[j] = rnd.nextGaussian() * 5;
            }
        }
        List<LabeledPoint> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            double[] x = new double[DIM];
            for (int j = 0; j < DIM; j++) {
                x[j] = centers[i % 5][j] + rnd.nextGaussian();
            }
            out.add(new LabeledPoint(0.0, Vectors.dense(x)));
        }
        return out;
    }
}
