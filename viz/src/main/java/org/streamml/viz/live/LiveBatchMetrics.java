package org.streamml.viz.live;

import org.jfree.chart.JFreeChart;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.StreamingListener;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * The engine's throughput and latency per batch. Register it with
 * {@code ssc.addStreamingListener(chart)}; it appends and publishes after every completed batch.
 */
public final class LiveBatchMetrics extends LiveChart implements StreamingListener {
    private static final String TITLE = "Batch throughput and latency";
    private final History history;
    private long batches;

    /** A chart keeping the last {@code capacity} batches. */
    public LiveBatchMetrics(String name, int capacity) {
        super(name);
        this.history = new History(capacity, 3);
    }

    @Override
    public String title() {
        return TITLE;
    }

    /** The most points the chart keeps (batches). */
    @Override
    public int capacity() {
        return history.capacity();
    }

    /** Appends the metrics of one batch and publishes. */
    @Override
    public void onBatchCompleted(BatchInfo info) {
        double seconds = info.processingSeconds();
        double rate = seconds > 0 ? info.records() / seconds : 0;
        history.append(++batches, new double[] {rate, info.processingNanos() / 1e6, info.totalDelayMillis()});
        publish();
    }

    @Override
    public JFreeChart render() {
        double[][] h = history.snapshot();
        return TimeSeriesCharts.batchMetrics(TITLE, h[0], h[1], h[2], h[3]);
    }
}
