package org.streamml.benchmarks.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Checkpoint overhead, measured as pairs of whole runs in one JVM: each operation runs {@value #BATCHES}
 * batches of {@code batch} records (2 partitions, 2 threads, a fast-forward clock) twice, once without
 * checkpoints and once with a checkpoint after every {@code every}th batch, in an order that alternates
 * between operations; for a stateful word count over {@value #KEYS} keys ({@code updateStateByKey}, so
 * every checkpoint writes the whole state) and for a streaming k-means (k = 5, d = 10).
 *
 * <p>Pairs, not separate forks: the time of a run varies between JVMs by far more than the cost measured
 * (JIT decisions, heap layout: 1.2 s in one fork and 1.8 s in the next, for the same pipeline), so runs with
 * and without checkpoints are compared only within a JVM, run after run. Two auxiliary counters per
 * operation: {@code steadyMillis} (with checkpoints) and {@code baselineMillis} (without), each the time from
 * the end of batch {@value #WARM} to the end of the last batch, the sustained rate of a long-running stream;
 * their ratio is the overhead. A run of a few hundred milliseconds also carries the fixed costs of its start
 * and its last checkpoint (a few milliseconds each), which a stream that runs for hours does not; the score
 * (the time of both runs) includes them.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CheckpointBenchmark -f 1 -wi 3 -i 10</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CheckpointBenchmark {
    static final int BATCHES = 200;
    static final int WARM = 20;
    static final int KEYS = 20_000;

    /** Records per batch. */
    @Param({"10000", "100000"})
    public int batch;

    /** The pipeline: {@code wordcount} or {@code kmeans}. */
    @Param({"wordcount", "kmeans"})
    public String pipeline;

    /** Batches between checkpoints in the measured run (the baseline has none). */
    @Param({"1", "10"})
    public int every;

    private Path dir;
    private boolean baselineFirst;

    /** A fresh checkpoint directory per run. */
    @Setup(Level.Invocation)
    public void directory() throws IOException {
        dir = Files.createTempDirectory("streamml-checkpoint-bench");
    }

    /** Removes the run's checkpoints. */
    @TearDown(Level.Invocation)
    public void clean() throws IOException {
        deleteTree(dir);
    }

    /** The steady-state times of the two runs, reported beside the score. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Steady {
        /** With checkpoints: milliseconds from the end of batch {@value #WARM} to the end of the last batch. */
        public double steadyMillis;
        /** The same without checkpoints. */
        public double baselineMillis;

        /** Cleared before each operation. */
        @Setup(Level.Invocation)
        public void clear() {
            steadyMillis = 0;
            baselineMillis = 0;
        }
    }

    /**
     * One pair of whole runs, without and with checkpoints, in alternating order; returns the records processed
     * so that nothing is optimised away.
     */
    @Benchmark
    public long run(Steady steady) throws Exception {
        baselineFirst = !baselineFirst;
        long seen = 0;
        for (int k = 0; k < 2; k++) {
            boolean baseline = (k == 0) == baselineFirst;
            double[] millis = new double[1];
            seen += runOnce(baseline ? 0 : every, millis);
            if (baseline) {
                steady.baselineMillis = millis[0];
            } else {
                steady.steadyMillis = millis[0];
            }
        }
        return seen;
    }

    private long runOnce(int every, double[] steadyMillis) throws Exception {
        long[] seen = new long[1];
        long[] marks = new long[2];
        int[] completed = new int[1];
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                .withDefaultPartitions(2).withThreads(2))) {
            if (every > 0) {
                ssc.checkpoint(dir, every, 2);
            }
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    int n = ++completed[0];
                    if (n == WARM) {
                        marks[0] = System.nanoTime();
                    } else if (n == BATCHES) {
                        marks[1] = System.nanoTime();
                    }
                }
            });
            if (pipeline.equals("wordcount")) {
                ssc.source(new GeneratedSource<>(1, batch, (long) batch * BATCHES, (i, r) -> r.nextInt(KEYS)))
                        .mapToPair(k -> Pair.of(k, 1L))
                        .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                        .foreachBatch((b, t) -> seen[0] += b.numPartitions());
            } else {
                var points = ssc.source(new GeneratedSource<Vector>(1, batch, (long) batch * BATCHES, (i, r) -> {
                    double[] x = new double[10];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = r.nextGaussian() + (i % 5) * 3;
                    }
                    return DenseVector.wrap(x);
                }));
                StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(5))
                        .setRandomCenters(10, 0.0, 7);
                km.trainOn(points);
                points.foreachBatch((b, t) -> seen[0] += km.latestModel().version());
            }
            ssc.start();
            ssc.awaitTermination();
        }
        if (completed[0] != BATCHES) {
            throw new IllegalStateException("the run completed " + completed[0] + " batches, not " + BATCHES);
        }
        steadyMillis[0] = (marks[1] - marks[0]) / 1e6;
        return seen[0];
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
