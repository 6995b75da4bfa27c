package org.streamml.viz.web;

import java.util.List;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.BatchInfo;
import org.streamml.viz.live.BatchTimeline;
import org.streamml.viz.live.LiveBatchMetrics;

/**
 * The streaming page's message, built from {@link LiveBatchMetrics}: the whole run's timeline of input
 * rate, scheduling delay, processing time and total delay (bucketed: mean and maximum per bucket), their
 * histograms over the last batches the chart keeps, the table of recent batches as the engine reported
 * them (with the task times per worker where the executor reports them), the totals and the backlog.
 */
final class StreamingJson {
    /** Bins of each histogram. */
    static final int BINS = 20;
    /** Rows of the batch table. */
    static final int TABLE_ROWS = 50;

    private StreamingJson() {
    }

    static void write(LiveBatchMetrics m, Json json) {
        List<BatchInfo> recent = m.recentBatches();
        json.key("batches").value(m.batches()).key("records").value(m.records());
        BatchTimeline.Snapshot t = m.timeline().snapshot();
        json.key("timeline").beginObject().key("pointsPerBucket").value(m.timeline().pointsPerBucket());
        json.key("x").beginArray();
        for (double x : t.x()) {
            json.exact(x / 1000.0);   // uPlot's time axis is in seconds
        }
        json.endArray().key("series").beginArray();
        for (int c = 0; c < LiveBatchMetrics.CHANNELS.size(); c++) {
            json.beginObject().key("name").value(LiveBatchMetrics.CHANNELS.get(c));
            array(json.key("mean"), t.mean()[c]);
            array(json.key("max"), t.max()[c]);
            json.endObject();
        }
        json.endArray().endObject();
        double[][] h = m.history();
        json.key("histograms").beginArray();
        for (int c = 0; c < LiveBatchMetrics.CHANNELS.size(); c++) {
            histogram(json, LiveBatchMetrics.CHANNELS.get(c), h[1 + c]);
        }
        json.endArray();
        json.key("table").beginArray();
        for (BatchInfo b : recent.subList(0, Math.min(TABLE_ROWS, recent.size()))) {
            json.beginObject().key("time").value(b.batchTime().millis()).key("records").value(b.records())
                    .key("schedulingMs").value(b.schedulingDelayMillis())
                    .key("processingMs").exact(Math.round(b.processingNanos() / 1e4) / 100.0)
                    .key("totalMs").value(b.totalDelayMillis()).key("places").beginArray();
            for (BatchExecutor.TaskPlace p : b.places()) {
                json.beginObject().key("place").value(p.place()).key("tasks").value(p.tasks()).key("taskMillis")
                        .value(p.taskMillis()).endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.key("backlog").beginObject();
        if (!recent.isEmpty()) {
            BatchInfo last = recent.get(0);
            long interval = recent.size() > 1 ? last.batchTime().millis() - recent.get(1).batchTime().millis() : 0;
            json.key("schedulingDelayMs").value(last.schedulingDelayMillis()).key("batchIntervalMs").value(interval)
                    .key("batchesBehind").value(interval > 0 ? last.schedulingDelayMillis() / interval : 0);
        }
        json.endObject();
    }

    private static void array(Json json, double[] v) {
        json.beginArray();
        for (double d : v) {
            json.value(d);
        }
        json.endArray();
    }

    /** A histogram of {@code values} in {@link #BINS} bins of equal width between their minimum and maximum. */
    private static void histogram(Json json, String name, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        long[] counts = new long[BINS];
        double width = hi > lo ? (hi - lo) / BINS : 1;
        if (lo > hi) {
            lo = 0;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[(int) Math.min(BINS - 1, (v - lo) / width)]++;
            }
        }
        json.beginObject().key("name").value(name).key("from").value(lo).key("width").value(width).key("counts")
                .beginArray();
        for (long c : counts) {
            json.value(c);
        }
        json.endArray().endObject();
    }
}
