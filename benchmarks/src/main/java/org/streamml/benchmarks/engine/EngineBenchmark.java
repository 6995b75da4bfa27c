package org.streamml.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.PairBatch;
import org.streamml.streaming.Time;

/**
 * Records per second of the engine's per-batch work on one in-memory batch of 100,000 records, with
 * P = 1 and P = 2 partitions (and as many executor threads): map then filter, map then filter then
 * countByValue over short strings (1,000 distinct words), and {@code aggregate} summing 8-dimensional
 * {@code double[]} rows. The score is records per second ({@code @OperationsPerInvocation}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EngineBenchmark.RECORDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {
    /** Records per batch. */
    public static final int RECORDS = 100_000;
    private static final int DIM = 8;

    /** Partitions per batch, each run by its own executor thread. */
    @Param({"1", "2"})
    public int partitions;

    private LocalExecutor executor;
    private Batch<String> words;
    private Batch<double[]> rows;

    /** Builds the batches once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new LocalExecutor(partitions);
        List<String> w = new ArrayList<>(RECORDS);
        List<double[]> r = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            w.add("w" + (i * 7919 % 1000));
            double[] row = new double[DIM];
            for (int j = 0; j < DIM; j++) {
                row[j] = (i % 97) * 0.01 + j;
            }
            r.add(row);
        }
        words = Batch.split(Time.ofMillis(1000), w, partitions, executor);
        rows = Batch.split(Time.ofMillis(1000), r, partitions, executor);
    }

    /** Stops the executor's threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** map (lower-casing, which keeps these words) then filter (drops about a tenth). */
    @Benchmark
    public long mapFilter() {
        return words.map(String::toLowerCase).filter(s -> s.charAt(s.length() - 1) != '7').count();
    }

    /** map, filter, then countByValue: a hash shuffle into P partitions with map-side combine. */
    @Benchmark
    public PairBatch<String, Long> mapFilterCountByValue() {
        return words.map(String::toLowerCase).filter(s -> s.charAt(s.length() - 1) != '7').countByValue();
    }

    /** aggregate: the element-wise sum of every row, one accumulator per partition. */
    @Benchmark
    public double[] aggregateSum() {
        return rows.aggregate(() -> new double[DIM], (acc, x) -> {
            for (int j = 0; j < DIM; j++) {
                acc[j] += x[j];
            }
            return acc;
        }, (a, b) -> {
            for (int j = 0; j < DIM; j++) {
                a[j] += b[j];
            }
            return a;
        });
    }
}
