package org.streamml.benchmarks.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Recovery time after a crash with {@value #KEYS} keys of {@code updateStateByKey} state: the time from
 * {@link StreamingContext#getOrCreate} to the end of the first batch after the checkpoint (reading and
 * verifying the checkpoint, decoding the state, seeking the source, running one batch). The setup writes
 * the checkpoint once: one batch of {@value #KEYS} distinct keys.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RecoveryBenchmark -f 1 -wi 2 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class RecoveryBenchmark {
    static final int KEYS = 1_000_000;

    private Path dir;

    private static StreamingContext build(Path dir) {
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                .withDefaultPartitions(2).withThreads(2).withStopWhenInputsExhausted(true)).checkpoint(dir);
        ssc.source(new GeneratedSource<>(1, KEYS, KEYS + 1000L, (i, r) -> i))
                .mapToPair(k -> Pair.of(k, 1L))
                .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                .foreachBatch((b, t) -> { });
        return ssc;
    }

    /** Runs the first batch of 1,000,000 keys and stops abruptly after its checkpoint. */
    @Setup(Level.Trial)
    public void checkpoint() throws Exception {
        dir = Files.createTempDirectory("streamml-recovery-bench");
        StreamingContext ssc = build(dir);
        ssc.start();
        if (!ssc.awaitBatch(Time.ofMillis(1000), 600_000)) {
            throw new IllegalStateException("the first batch did not complete");
        }
        ssc.stop(false);
        ssc.awaitTerminationOrTimeout(60_000);
    }

    /** Removes the checkpoint. */
    @TearDown(Level.Trial)
    public void clean() throws IOException {
        CheckpointBenchmark.deleteTree(dir);
    }

    /** Restores the checkpoint and runs the one batch left. */
    @Benchmark
    public Optional<Time> recover() throws Exception {
        Path copy = Files.createTempDirectory("streamml-recovery-run");
        try {
            for (Path p : Files.newDirectoryStream(dir, "checkpoint-*.ckpt")) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
            StreamingContext ssc = StreamingContext.getOrCreate(copy, () -> build(copy));
            Optional<Time> from = ssc.restoredFrom();
            ssc.start();
            ssc.awaitTermination();
            return from;
        } finally {
            CheckpointBenchmark.deleteTree(copy);
        }
    }
}
