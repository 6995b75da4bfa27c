package org.streamml.benchmarks.engine;

import java.util.List;
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
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;

/**
 * The fixed cost of one parallel job on the local executor: {@code runTasks} of {@code tasks} tasks that do
 * (almost) nothing, back to back, as a gradient descent's iterations are. Every job the learners run pays
 * this once (50 times per batch for a linear learner at Spark's defaults), so it bounds the records per
 * second of small batches. The score is microseconds per job.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ExecutorOverheadBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExecutorOverheadBenchmark {
    /** Tasks per job, on as many threads. */
    @Param({"2"})
    public int tasks;

    private LocalExecutor executor;
    private final BatchExecutor.PartitionTask<Integer> task = i -> i;

    /** One executor per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new LocalExecutor(tasks);
    }

    /** Stops its threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** One job of {@code tasks} trivial tasks. */
    @Benchmark
    public List<Integer> job() {
        return executor.runTasks(tasks, task);
    }
}
