package org.streamml.viz.live;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.StreamingListener;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * The engine's throughput and latency per batch. Register it with
 * {@code ssc.addStreamingListener(chart)}; it appends and publishes after every completed batch.
 *
 * <p>Besides the chart of the last {@code capacity} batches it keeps, for the dashboard's streaming page,
 * the {@link #recentBatches() most recent batches} as the engine reported them, and a
 * {@link #timeline() timeline} of the whole run whose resolution halves as the run grows: memory is fixed
 * however long the stream runs.
 */
public final class LiveBatchMetrics extends LiveChart implements StreamingListener {
    /** The batches kept for the dashboard's table. */
    public static final int RECENT = 100;
    /** The buckets of the whole-run timeline. */
    public static final int TIMELINE_BUCKETS = 512;
    /** The timeline's and {@link #history()}'s channels, in order. */
    public static final List<String> CHANNELS = List.of("input rate (records/s)", "scheduling delay (ms)",
            "processing time (ms)", "total delay (ms)");
    private static final String TITLE = "Batch throughput and latency";
    private final History history;
    private final BatchTimeline timeline = new BatchTimeline(TIMELINE_BUCKETS, CHANNELS.size());
    private final BatchInfo[] recent = new BatchInfo[RECENT];
    private long batches;
    private long records;

    /** A chart keeping the last {@code capacity} batches. */
    public LiveBatchMetrics(String name, int capacity) {
        super(name);
        this.history = new History(capacity, 4);
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
        double processingMs = info.processingNanos() / 1e6;
        synchronized (this) {
            batches++;
            records += info.records();
            recent[(int) ((batches - 1) % RECENT)] = info;
            history.append(batches, new double[] {rate, processingMs, info.totalDelayMillis(),
                    info.schedulingDelayMillis()});
        }
        timeline.append(info.batchTime().millis(), rate, info.schedulingDelayMillis(), processingMs,
                info.totalDelayMillis());
        publish();
    }

    /** The number of batches completed so far. */
    public synchronized long batches() {
        return batches;
    }

    /** The records of all batches completed so far. */
    public synchronized long records() {
        return records;
    }

    /** The last (at most {@link #RECENT}) batches completed, newest first. */
    public synchronized List<BatchInfo> recentBatches() {
        int n = (int) Math.min(batches, RECENT);
        List<BatchInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(recent[(int) ((batches - 1 - i) % RECENT)]);
        }
        return out;
    }

    /**
     * The last {@link #capacity()} batches: {@code [0]} the batch numbers, then the {@link #CHANNELS} in
     * order. A copy.
     */
    public double[][] history() {
        double[][] h = history.snapshot();
        return new double[][] {h[0], h[1], h[4], h[2], h[3]};
    }

    /** The whole run, bucketed: x is the batch time in epoch milliseconds, channels as {@link #CHANNELS}. */
    public BatchTimeline timeline() {
        return timeline;
    }

    @Override
    public JFreeChart render() {
        double[][] h = history.snapshot();
        return TimeSeriesCharts.batchMetrics(TITLE, h[0], h[1], h[2], h[3]);
    }
}
