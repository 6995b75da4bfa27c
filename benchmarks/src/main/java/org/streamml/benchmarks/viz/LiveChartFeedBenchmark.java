package org.streamml.benchmarks.viz;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveTimeSeries;
import org.streamml.viz.sink.FramePacing;
import org.streamml.viz.web.DashboardSink;

/**
 * What feeding a live chart costs the engine's thread, free of the noise of a whole pipeline: appending a
 * batch of 2,000 records to a time series (per record), and publishing a chart shown on a dashboard (per
 * publish; the dashboard renders on its own thread).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LiveChartFeed -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LiveChartFeedBenchmark {
    private static final int BATCH = 2_000;
    private double[] xs;
    private double[][] rows;
    private double[] scores;
    private boolean[] anomalies;
    private LiveTimeSeries series;
    private LiveLines metric;
    private DashboardSink dashboard;
    private long batch;

    /** Builds one batch of records and a dashboard showing both charts. */
    @Setup
    public void setUp() {
        Random random = new Random(3);
        xs = new double[BATCH];
        rows = new double[BATCH][];
        scores = new double[BATCH];
        anomalies = new boolean[BATCH];
        for (int i = 0; i < BATCH; i++) {
            xs[i] = i;
            rows[i] = new double[] {random.nextGaussian(), random.nextGaussian()};
            scores[i] = Math.abs(random.nextGaussian());
            anomalies[i] = scores[i] > 3;
        }
        series = new LiveTimeSeries("series", new ChartText("S", "record", "value"), List.of("actual", "predicted"),
                3, BATCH);
        metric = LiveLines.metrics("rmse", List.of("rmse"), BATCH);
        dashboard = DashboardSink.start("127.0.0.1", 0, 800, 400, FramePacing.defaults());
        dashboard.add(series);
        dashboard.add(metric);
    }

    /** Stops the dashboard. */
    @TearDown
    public void tearDown() {
        dashboard.close();
    }

    /** Appends a batch of records to a two-channel time series with scores; the score is per record. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendBatchPerRecord() {
        series.appendAll(xs, rows, scores, anomalies, BATCH);
        return series.appended();
    }

    /** Appends one metric value and publishes the chart to the dashboard's sink. */
    @Benchmark
    public long appendAndPublish() {
        metric.append(++batch, 1.0 / batch);
        metric.publish();
        return metric.version();
    }
}
