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
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Checkpoint overhead: one whole run of {@value #BATCHES} batches of {@value #BATCH} records (2 partitions,
 * 2 threads, a fast-forward clock) per operation, with a checkpoint after every batch, every 10th batch,
 * or none ({@code every = 0}); for a stateful word count over {@value #KEYS} keys ({@code updateStateByKey},
 * so every checkpoint writes the whole state) and for a streaming k-means (k = 5, d = 10). Records per
 * second = {@value #BATCHES} x {@value #BATCH} / the time per operation.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CheckpointBenchmark -f 1 -wi 2 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CheckpointBenchmark {
    static final int BATCHES = 100;
    static final int BATCH = 10_000;
    static final int KEYS = 20_000;

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

    /** One whole run; returns the records processed so that nothing is optimised away. */
    @Benchmark
    public long run() throws Exception {
        long[] seen = new long[1];
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                .withDefaultPartitions(2).withThreads(2))) {
            if (every > 0) {
                ssc.checkpoint(dir, every, 2);
            }
            if (pipeline.equals("wordcount")) {
                ssc.source(new GeneratedSource<>(1, BATCH, (long) BATCH * BATCHES, (i, r) -> r.nextInt(KEYS)))
                        .mapToPair(k -> Pair.of(k, 1L))
                        .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                        .foreachBatch((b, t) -> seen[0] += b.numPartitions());
            } else {
                var points = ssc.source(new GeneratedSource<Vector>(1, BATCH, (long) BATCH * BATCHES, (i, r) -> {
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
