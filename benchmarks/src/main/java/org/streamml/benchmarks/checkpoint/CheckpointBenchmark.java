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
 * Checkpoint overhead: one whole run of {@value #BATCHES} batches of {@code batch} records (2 partitions,
 * 2 threads, a fast-forward clock) per operation, with a checkpoint after every batch, every 10th batch,
 * or none ({@code every = 0}); for a stateful word count over {@value #KEYS} keys ({@code updateStateByKey},
 * so every checkpoint writes the whole state) and for a streaming k-means (k = 5, d = 10).
 *
 * <p>Two numbers per run: the time of the whole run (the score: context start, every batch, the final
 * checkpoint of the graceful stop, the writer thread's end), and {@code steadyMillis}, the time from the
 * end of batch {@value #WARM} to the end of the last batch, the sustained rate of a long-running stream
 * (records per second = ({@value #BATCHES} - {@value #WARM}) x batch / steadyMillis x 1000). A run of a few
 * hundred milliseconds carries the fixed costs of its start and its last checkpoint (a few milliseconds each);
 * a stream that runs for hours does not, so the steady rate is the one to compare with the 5 % target.
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

    /** Batches between checkpoints; 0 for none. */
    @Param({"0", "1", "10"})
    public int every;

    private Path dir;

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

    /** The steady-state time of one run, reported beside the score. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Steady {
        /** Milliseconds from the end of batch {@value #WARM} to the end of the last batch. */
        public double steadyMillis;

        /** Cleared before each run. */
        @Setup(Level.Invocation)
        public void clear() {
            steadyMillis = 0;
        }
    }

    /** One whole run; returns the records processed so that nothing is optimised away. */
    @Benchmark
    public long run(Steady steady) throws Exception {
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
        steady.steadyMillis = (marks[1] - marks[0]) / 1e6;
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
