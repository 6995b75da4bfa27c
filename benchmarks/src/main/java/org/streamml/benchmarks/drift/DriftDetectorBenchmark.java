package org.streamml.benchmarks.drift;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.streamml.ml.drift.Adwin;
import org.streamml.ml.drift.Ddm;
import org.streamml.ml.drift.DriftDetector;
import org.streamml.ml.drift.Eddm;
import org.streamml.ml.drift.Kswin;
import org.streamml.ml.drift.PageHinkley;

/**
 * Values per second through each drift detector with its default options, in steady state: the detector is
 * warmed on 100,000 values, then each operation adds the next value of a 65,536-value cycle of 0/1 errors
 * at rate 0.2 (which every detector reads; ADWIN's window grows long on it, the expensive case).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DriftDetectorBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DriftDetectorBenchmark {
    private static final int CYCLE = 1 << 16;

    /** The detector measured. */
    @Param({"ADWIN", "DDM", "EDDM", "PageHinkley", "KSWIN"})
    public String detector;

    private final double[] values = new double[CYCLE];
    private DriftDetector drift;
    private int next;

    /** Builds the stream and warms the detector up. */
    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        for (int i = 0; i < CYCLE; i++) {
            values[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
        }
        drift = switch (detector) {
            case "ADWIN" -> new Adwin();
            case "DDM" -> new Ddm();
            case "EDDM" -> new Eddm();
            case "PageHinkley" -> new PageHinkley();
            case "KSWIN" -> new Kswin();
            default -> throw new IllegalArgumentException("unknown detector: " + detector);
        };
        for (next = 0; next < 100_000; next++) {
            drift.add(values[next & (CYCLE - 1)]);
        }
    }

    /** Adds one value. */
    @Benchmark
    public Object addOneValue() {
        return drift.add(values[next++ & (CYCLE - 1)]);
    }
}
