package org.streamml.benchmarks.cluster;

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
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.cluster.Master;

/**
 * Batch latency of the k-means and logistic-regression learners on {@code local[N]} threads and on
 * {@code local-cluster[N]} worker processes (one core each): one operation queues a batch of 20,000
 * records (d = 10, 8 partitions), fires it and waits until the engine reports it complete, so the time
 * includes shipping partitions and functions to workers and the driver update. Records per second =
 * 20,000 / the mean time per operation. Logistic regression runs Spark's 50 gradient iterations per
 * batch, each one shipping the batch's partitions again (no caching on workers yet).
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
    static final int BATCH = 20_000;
    static final int DIM = 10;
    static final int PARTITIONS = 8;

    /** Where tasks run. */
    @Param({"local[1]", "local-cluster[1]", "local-cluster[2]", "local-cluster[4]"})
    public String master;

    /** The learner under test. */
    @Param({"kmeans", "logreg"})
    public String algorithm;

    private StreamingContext ssc;
    private ManualClock clock;
    private final ConcurrentLinkedQueue<List<LabeledPoint>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore completed = new Semaphore(0);
    private List<LabeledPoint> batch;

    /** Generates the batch, starts the workers and the context with the learner registered. */
    @Setup(Level.Trial)
    public void start() {
        batch = records(new Random(42), algorithm.equals("logreg"));
        clock = new ManualClock();
        StreamingContext.Options options = Master.parse(master).applyTo(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(PARTITIONS)
                .withStopWhenInputsExhausted(false), ClusterOptions.defaults());
        ssc = new StreamingContext(options);
        DStream<LabeledPoint> stream = ssc.queueStream(queue);
        if (algorithm.equals("kmeans")) {
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(5));
            km.setRandomCenters(DIM, 0.0, 42L);
            DStream<Vector> features = stream.map(LabeledPoint::features);
            km.trainOn(features);
        } else {
            new StreamingLogisticRegressionWithSGD().setInitialWeights(Vectors.zeros(DIM)).trainOn(stream);
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

    /** Trains on one batch of 20,000 records. */
    @Benchmark
    public void trainOneBatch() throws InterruptedException {
        queue.add(batch);
        clock.advance(1000);
        if (!completed.tryAcquire(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the batch did not complete; the context is " + ssc.state());
        }
    }

    private static List<LabeledPoint> records(Random rnd, boolean logistic) {
        double[][] centers = new double[5][DIM];
        double[] w = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            w[j] = rnd.nextGaussian();
            for (double[] c : centers) {
                c[j] = rnd.nextGaussian() * 5;
            }
        }
        List<LabeledPoint> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            double[] x = new double[DIM];
            double z = 0;
            for (int j = 0; j < DIM; j++) {
                x[j] = logistic ? rnd.nextDouble() * 2 - 1 : centers[i % 5][j] + rnd.nextGaussian();
                z += w[j] * x[j];
            }
            double y = logistic && rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0;
            out.add(new LabeledPoint(y, Vectors.dense(x)));
        }
        return out;
    }
}
