package org.streamml.benchmarks.cluster;

import java.util.Random;
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
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Batch latency and throughput of the k-means and logistic-regression learners on {@code local[N]}
 * threads and on {@code local-cluster[N]} worker processes (one core each). Each batch is 200,000
 * records (d = 10, 16 partitions) made by a {@link GeneratedSource}, so on a cluster every partition is
 * generated on the worker that trains on it; one operation fires a batch and waits until the engine
 * reports it complete, so the time includes planning, task messages, the model sent with every task
 * (every gradient iteration for logistic regression: Spark's 50 per batch, all of them run, the
 * convergence tolerance being 0 so that every batch does the same work), the partition aggregates
 * coming back and the driver update. Records per second = 200,000 / the mean time per operation.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ClusterScalingBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ClusterScalingBenchmark {
    static final int BATCH = 200_000;
    static final int DIM = 10;
    static final int PARTITIONS = 16;

    /** Where tasks run. */
    @Param({"local[1]", "local[2]", "local-cluster[1]", "local-cluster[2]", "local-cluster[4]"})
    public String master;

    /** The learner under test. */
    @Param({"kmeans", "logreg"})
    public String algorithm;

    private StreamingContext ssc;
    private ManualClock clock;
    private final Semaphore completed = new Semaphore(0);

    /** Starts the workers and the context with the generated stream and the learner registered. */
    @Setup(Level.Trial)
    public void start() {
        clock = new ManualClock();
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(PARTITIONS)
                .withStopWhenInputsExhausted(false).withMaster(master);
        ssc = new StreamingContext(options);
        DStream<LabeledPoint> stream = ssc.source(new GeneratedSource<>(42, BATCH, GeneratedSource.UNBOUNDED,
                generator(new Random(42), algorithm.equals("logreg"))));
        if (algorithm.equals("kmeans")) {
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(5));
            km.setRandomCenters(DIM, 0.0, 42L);
            DStream<Vector> features = stream.map(LabeledPoint::features);
            km.trainOn(features);
        } else {
            // No early stop: every batch runs all 50 iterations, so each operation does the same work however
            // far the model has converged (runs that process more batches would otherwise do less per batch).
            new StreamingLogisticRegressionWithSGD(StreamingLogisticRegressionWithSGD.Options.defaults()
                    .withConvergenceTol(0.0)).setInitialWeights(Vectors.zeros(DIM)).trainOn(stream);
        }
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                completed.release();
            }
        });
        ssc.start();
    }

    /** Stops the context and its workers. */
    @TearDown(Level.Trial)
    public void stop() {
        ssc.close();
    }

    /** Trains on one batch of 200,000 records. */
    @Benchmark
    public void trainOneBatch() throws InterruptedException {
        clock.advance(1000);
        if (!completed.tryAcquire(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the batch did not complete; the context is " + ssc.state());
        }
    }

    /** Record i: around center i mod 5 (k-means), or uniform features with a logistic label. */
    private static GeneratedSource.RecordGenerator<LabeledPoint> generator(Random rnd, boolean logistic) {
        double[][] centers = new double[5][DIM];
        double[] w = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            w[j] = rnd.nextGaussian();
            for (double[] c : centers) {
                c[j] = rnd.nextGaussian() * 5;
            }
        }
        return (i, r) -> {
            double[] x = new double[DIM];
            double z = 0;
            for (int j = 0; j < DIM; j++) {
                x[j] = logistic ? r.nextDouble() * 2 - 1 : centers[(int) (i % 5)][j] + r.nextGaussian();
                z += w[j] * x[j];
            }
            double y = logistic && r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0;
            return new LabeledPoint(y, Vectors.dense(x));
        };
    }
}
