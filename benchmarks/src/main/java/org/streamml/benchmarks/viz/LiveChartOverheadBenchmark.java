package org.streamml.benchmarks.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveBatchMetrics;
import org.streamml.viz.live.LiveChart;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveTimeSeries;
import org.streamml.viz.sink.FramePacing;
import org.streamml.viz.web.DashboardSink;

/**
 * Engine throughput (records per second) of a scoring pipeline replayed as fast as the machine allows,
 * without charts and with live charts on a web dashboard (see {@link #charts}), rendered to PNG as
 * {@link FramePacing#defaults()} allows. The bound to meet: a run with charts is at most 5 % slower than one without.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LiveChartOverhead -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiveChartOverheadBenchmark {
    private static final int RECORDS = 400_000;
    private static final int PER_BATCH = 2_000;
    private static final int FEATURES = 16;

    /**
     * {@code none}: the bare pipeline; {@code perBatch}: plus the RMSE and batch-metrics charts on a web
     * dashboard (what {@code --dashboard} shows for training); {@code perRecord}: plus a time series fed
     * every record's actual value, prediction and anomaly score.
     */
    @Param({"none", "perBatch", "perRecord"})
    public String charts;

    private List<double[]> records;
    private double[] weights;
    private DashboardSink dashboard;
    private LiveTimeSeries predictions;
    private LiveLines rmse;
    private LiveBatchMetrics batchMetrics;

    /** Generates the records (seeded) and, for the dashboard case, starts the dashboard with its charts. */
    @Setup
    public void setUp() {
        Random random = new Random(17);
        weights = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            weights[j] = random.nextGaussian();
        }
        records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            double[] r = new double[FEATURES + 1];
            double y = 0;
            for (int j = 0; j < FEATURES; j++) {
                r[j] = random.nextGaussian();
                y += weights[j] * r[j];
            }
            r[FEATURES] = y + random.nextGaussian() * (i % 997 == 0 ? 8 : 0.5);
            records.add(r);
        }
        if (!charts.equals("none")) {
            dashboard = DashboardSink.start("127.0.0.1", 0, 800, 400, FramePacing.defaults());
            rmse = LiveLines.metrics("rmse", List.of("rmse"), 2000);
            batchMetrics = new LiveBatchMetrics("batches", 2000);
            dashboard.add(rmse);
            dashboard.add(batchMetrics);
        }
        if (charts.equals("perRecord")) {
            predictions = new LiveTimeSeries("predictions", new ChartText("Predictions", "record", "value"),
                    List.of("actual", "predicted"), 3.0, 2000);
            dashboard.add(predictions);
        }
    }

    /** Stops the dashboard. */
    @TearDown
    public void tearDown() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /**
     * Costs per record next to the throughput: on a machine shared with other work, wall-clock throughput
     * swings by tens of percent from one second to the next, while these move less. {@code cpuNanosPerRecord}
     * is the CPU time of the whole process (engine, feeding and render threads, GC); {@code
     * schedulerCpuNanosPerRecord} the CPU time of the engine's scheduler thread alone, which runs the
     * output operations and so pays whatever a chart costs the engine; {@code processingNanosPerRecord} the
     * engine's own processing time ({@link BatchInfo#processingNanos()}, wall time) summed over the batches.
     * Each iteration reports its own values; JMH's summary line sums them over the iterations.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCost {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long cpuNanos;
        private long schedulerCpuNanos;
        private long processingNanos;
        private long records;

        /** Starts a new iteration's count. */
        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            schedulerCpuNanos = 0;
            processingNanos = 0;
            records = 0;
        }

        /** Process CPU nanoseconds per record over the iteration. */
        public double cpuNanosPerRecord() {
            return records == 0 ? 0 : (double) cpuNanos / records;
        }

        /** CPU nanoseconds of the engine's scheduler thread per record over the iteration. */
        public double schedulerCpuNanosPerRecord() {
            return records == 0 ? 0 : (double) schedulerCpuNanos / records;
        }

        /** The engine's processing nanoseconds (wall) per record over the iteration. */
        public double processingNanosPerRecord() {
            return records == 0 ? 0 : (double) processingNanos / records;
        }

        long now() {
            return os.getProcessCpuTime();
        }

        void add(long nanos, long n) {
            cpuNanos += nanos;
            records += n;
        }
    }

    /** Sums the engine's processing time and takes its scheduler thread's CPU time when the stream ends. */
    private static final class EngineTime implements StreamingListener {
        private long processingNanos;
        private long schedulerCpuNanos;

        @Override
        public void onBatchCompleted(BatchInfo info) {
            processingNanos += info.processingNanos();
        }

        @Override
        public void onStopped(Throwable failure) {
            schedulerCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    /** Replays every record through the pipeline; throughput is per record. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double replay(CpuCost cost) throws InterruptedException {
        long cpuStart = cost.now();
        EngineTime engine = new EngineTime();
        try {
            return replayOnce(engine);
        } finally {
            cost.add(cost.now() - cpuStart, RECORDS);
            cost.schedulerCpuNanos += engine.schedulerCpuNanos;
            cost.processingNanos += engine.processingNanos;
        }
    }

    private double replayOnce(EngineTime engine) throws InterruptedException {
        double[] w = weights;
        double[] sse = new double[1];
        long[] batch = new long[1];
        long[] index = new long[1];
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofMillis(1)).withClock(new FastForwardClock()).withDefaultPartitions(2)
                .withThreads(2))) {
            DStream<double[]> scored = ssc.fromIterable(records, PER_BATCH).map(r -> {
                double p = 0;
                for (int j = 0; j < w.length; j++) {
                    p += w[j] * r[j];
                }
                return new double[] {r[w.length], p};
            });
            scored.foreachBatch((b, t) -> {
                double[] agg = b.aggregate(() -> new double[2], (acc, e) -> {
                    double d = e[1] - e[0];
                    acc[0] += d * d;
                    acc[1]++;
                    return acc;
                }, (a, c) -> {
                    a[0] += c[0];
                    a[1] += c[1];
                    return a;
                });
                sse[0] += agg[0];
                batch[0]++;
                if (rmse != null) {
                    rmse.append(batch[0], Math.sqrt(agg[0] / Math.max(1, agg[1])));
                    rmse.publish();
                }
            });
            ssc.addStreamingListener(engine);
            if (batchMetrics != null) {
                ssc.addStreamingListener(batchMetrics);
            }
            if (predictions != null) {
                predictions.attach(scored, LiveChart.Points.PER_RECORD, (b, t) -> {
                    int n = (int) b.count();
                    double[] xs = new double[n];
                    double[][] rows = new double[n][];
                    double[] scores = new double[n];
                    boolean[] anomalies = new boolean[n];
                    int i = 0;
                    for (List<double[]> part : b.partitions()) {
                        for (double[] e : part) {
                            xs[i] = index[0]++;
                            rows[i] = e;
                            scores[i] = Math.abs(e[1] - e[0]);
                            anomalies[i] = scores[i] > 3.0;
                            i++;
                        }
                    }
                    predictions.appendAll(xs, rows, scores, anomalies, n);
                });
            }
            ssc.start();
            ssc.awaitTermination();
        }
        return sse[0];
    }
}
