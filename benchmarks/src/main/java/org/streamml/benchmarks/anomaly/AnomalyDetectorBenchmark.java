package org.streamml.benchmarks.anomaly;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;

/**
 * The time to score one record with {@link StreamingAnomalyDetector} in its default configuration, in steady
 * state (every window, memory and calibration full): a detector is warmed on 5,000 records of a noisy daily
 * pattern, then each operation scores the next record of a 65,536-record cycle of the same kind.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AnomalyDetectorBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AnomalyDetectorBenchmark {
    private static final int CYCLE = 1 << 16;

    private final double[] values = new double[CYCLE];
    private StreamingAnomalyDetector detector;
    private int next;

    /** Builds the series and warms the detector up. */
    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        for (int i = 0; i < CYCLE; i++) {
            values[i] = 50 + 10 * Math.sin(2 * Math.PI * i / 288) + rnd.nextGaussian();
        }
        detector = new StreamingAnomalyDetector();
        for (next = 0; next < 5000; next++) {
            detector.score(next * 300_000L, values[next]);
        }
    }

    /** Scores one record. */
    @Benchmark
    public double scoreOneRecord() {
        int i = next++ & (CYCLE - 1);
        return detector.score(next * 300_000L, values[i]);
    }
}
