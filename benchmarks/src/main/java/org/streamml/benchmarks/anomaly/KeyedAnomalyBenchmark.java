package org.streamml.benchmarks.anomaly;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.streamml.ml.anomaly.AnomalyStreams;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.source.GeneratedSource;

/**
 * The keyed anomaly operator ({@link AnomalyStreams#scoreByKey}) end to end: one operation is a whole run of
 * {@code series} series of {@code points} points each, interleaved (record i is point i / series of series
 * i mod series), generated where they are read ({@link GeneratedSource}: on a cluster, on the workers), in
 * batches of {@code perBatch} points of every series, spread over {@code partitions} partitions, scored and
 * counted. Records per second = series x points / the time per operation; per core, divided by the cores
 * (2 for {@code local[2]} and {@code local-cluster[2]}, 1 for {@code local[1]}).
 *
 * <p>{@code detector=defaults} is the toolkit's detector as {@code streamml detect} runs it (its per-record
 * work bounds the rate); {@code detector=small} (window 8, width 2, one scale, memory 16, history 100) does
 * almost no work per record, so its rate is the operator's own cost: grouping, state restore and save per
 * series and batch, output pairs.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar KeyedAnomalyBenchmark -f 1 -wi 1 -i 2
 * java -jar benchmarks/target/benchmarks.jar KeyedAnomalyBenchmark -p series=1 -p points=200000 -p perBatch=20000 \
 *     -p master=local[1] -p partitions=1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g"})
public class KeyedAnomalyBenchmark {
    /** Where the tasks run. */
    @Param({"local[2]", "local-cluster[2]"})
    public String master;

    /** The detector's options: the defaults, or a tiny detector that isolates the operator's cost. */
    @Param({"defaults", "small"})
    public String detector;

    /** Series in the stream. */
    @Param("10000")
    public int series;

    /** Points per series. */
    @Param("1000")
    public int points;

    /** Points of each series per batch. */
    @Param("200")
    public int perBatch;

    /** Partitions of the batches and of the state. */
    @Param("8")
    public int partitions;

    private StreamingContext ssc;
    private final AtomicLong scored = new AtomicLong();

    /** Builds the context (on a cluster, starts the workers) and the pipeline; not timed. */
    @Setup(Level.Iteration)
    public void setUp() {
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                .withDefaultPartitions(partitions).withStopWhenInputsExhausted(true).withMaster(master);
        ssc = new StreamingContext(options);
        int n = series;
        GeneratedSource<Pair<Integer, Observation>> source = new GeneratedSource<>(42, n * perBatch,
                (long) n * points, (i, rnd) -> {
                    int key = (int) (i % n);
                    long point = i / n;
                    double v = 10 + (1 + key % 7) * Math.sin(point / (10.0 + key % 41)) + 0.3 * rnd.nextGaussian()
                            + (point == 700 + key % 200 ? 8 : 0);
                    return Pair.of(key, new Observation(point * 60_000L, v));
                });
        StreamingAnomalyDetector.Options opts = detector.equals("small")
                ? new StreamingAnomalyDetector.Options(8, 2, 1, 16, 100, 4.0, 0.5, 10)
                : StreamingAnomalyDetector.Options.defaults();
        scored.set(0);
        AnomalyStreams.scoreByKey(PairDStream.of(ssc.source(source, partitions)), opts, partitions)
                .foreachBatch((batch, time) -> scored.addAndGet(batch.count()));
    }

    /** Stops the context and its workers. */
    @TearDown(Level.Iteration)
    public void tearDown() {
        ssc.close();
        if (scored.get() != (long) series * points) {
            throw new IllegalStateException("scored " + scored.get() + " of " + (long) series * points + " records");
        }
    }

    /** Scores every record of every series. */
    @Benchmark
    public long scoreAllSeries() throws InterruptedException {
        ssc.start();
        ssc.awaitTermination();
        return scored.get();
    }
}
