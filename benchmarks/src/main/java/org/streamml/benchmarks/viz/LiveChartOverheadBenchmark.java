package org.streamml.benchmarks.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveBatchMetrics;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveTimeSeries;
import org.streamml.viz.web.DashboardSink;

/**
 * Engine throughput (records per second) of a scoring pipeline replayed as fast as the machine allows,
 * without charts ({@code charts=none}) and with three live charts on a web dashboard
 * ({@code charts=dashboard}): every record's prediction, actual value and anomaly score, the RMSE per batch,
 * and the engine's batch metrics, rendered to PNG at most every 250 ms. The bound to meet: the dashboard
 * run is at most 5 % slower.
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

    /** {@code none}: the bare pipeline; {@code dashboard}: the same with live charts on a web dashboard. */
    @Param({"none", "dashboard"})
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
        if (charts.equals("dashboard")) {
            dashboard = DashboardSink.start("127.0.0.1", 0, 800, 400, 250);
            predictions = new LiveTimeSeries("predictions", new ChartText("Predictions", "record", "value"),
                    List.of("actual", "predicted"), 3.0, 2000);
            rmse = LiveLines.metrics("rmse", List.of("rmse"), 2000);
            batchMetrics = new LiveBatchMetrics("batches", 2000);
            dashboard.add(predictions);
            dashboard.add(rmse);
            dashboard.add(batchMetrics);
        }
    }

    /** Stops the dashboard. */
    @TearDown
    public void tearDown() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /** Replays every record through the pipeline; throughput is per record. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double replay() throws InterruptedException {
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
            if (predictions != null) {
                ssc.addStreamingListener(batchMetrics);
                predictions.attach(scored, (b, t) -> {
                    for (List<double[]> part : b.partitions()) {
                        for (double[] e : part) {
                            double score = Math.abs(e[1] - e[0]);
                            predictions.append(index[0]++, e, score, score > 3.0);
                        }
                    }
                });
            }
            ssc.start();
            ssc.awaitTermination();
        }
        return sse[0];
    }
}
