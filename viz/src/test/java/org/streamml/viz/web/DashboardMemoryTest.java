package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Time;
import org.streamml.viz.live.LiveBatchMetrics;

/**
 * One hour of one-second batches, timed by a manual clock, keeps what the dashboard holds for the
 * streaming page bounded: the whole-run timeline at 512 buckets (its resolution halving as the run
 * grows), 100 recent batches, and a message of the same size after ten minutes as after an hour.
 */
class DashboardMemoryTest {

    @Test
    void shouldKeepTheStreamingPagesStateFlatOverAnHourOfBatches() {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        LiveBatchMetrics metrics = new LiveBatchMetrics("batches", 2000);
        List<Integer> sizes = new ArrayList<>();
        int maxBuckets = 0;
        for (int batch = 1; batch <= 3600; batch++) {
            clock.advance(1000);
            long scheduling = batch % 5;
            long processingNanos = 2_000_000L + (batch % 11) * 100_000L;
            metrics.onBatchCompleted(new BatchInfo(Time.ofMillis(clock.millis()), 1000 + batch % 7, scheduling,
                    processingNanos, scheduling + processingNanos / 1_000_000,
                    List.of(new BatchExecutor.TaskPlace("worker-1", 2, 3), new BatchExecutor.TaskPlace("worker-2", 2, 4))));
            maxBuckets = Math.max(maxBuckets, metrics.timeline().buckets());
            if (batch % 600 == 0) {
                Json json = new Json(1024);
                json.beginObject();
                StreamingJson.write(metrics, json);
                sizes.add(json.endObject().toString().length());
            }
        }
        assertEquals(3600, metrics.batches());
        assertEquals(3600, metrics.timeline().points(), "every batch is in the timeline");
        assertTrue(maxBuckets <= LiveBatchMetrics.TIMELINE_BUCKETS, "at most 512 buckets: " + maxBuckets);
        assertEquals(8, metrics.timeline().pointsPerBucket(), "3600 batches in 512 buckets: 8 per bucket");
        assertEquals(LiveBatchMetrics.RECENT, metrics.recentBatches().size());
        assertEquals(Time.ofMillis(clock.millis()), metrics.recentBatches().get(0).batchTime(), "newest first");
        assertEquals(2000, metrics.history()[0].length, "the chart's history is capped at its capacity");
        int tenMinutes = sizes.get(0);
        int hour = sizes.get(sizes.size() - 1);
        for (int size : sizes) {
            // the timeline holds between 256 and 512 buckets (halving when full), hence the spread
            assertTrue(size < 60_000 && size <= tenMinutes * 1.5, "a streaming message stays small: " + sizes);
        }
        assertTrue(hour <= tenMinutes * 1.5, "the message after an hour is no bigger than a bucketing step more than"
                + " after ten minutes: " + sizes);
    }

    @Test
    void shouldMergeBucketsKeepingTheMinimumAndMaximum() {
        org.streamml.viz.live.BatchTimeline t = new org.streamml.viz.live.BatchTimeline(4, 1);
        double[] values = {5, 1, 7, 3, 9, 2, 4, 8, 6};
        for (int i = 0; i < values.length; i++) {
            t.append(i, values[i]);
        }
        org.streamml.viz.live.BatchTimeline.Snapshot s = t.snapshot();
        // 9 points into 4 buckets: two halvings, 4 points per bucket: {5,1,7,3} {9,2,4,8} {6}
        assertEquals(3, t.buckets());
        assertEquals(4, t.pointsPerBucket());
        assertEquals(List.of(0.0, 4.0, 8.0), List.of(s.x()[0], s.x()[1], s.x()[2]));
        assertEquals(List.of(1.0, 2.0, 6.0), List.of(s.min()[0][0], s.min()[0][1], s.min()[0][2]));
        assertEquals(List.of(7.0, 9.0, 6.0), List.of(s.max()[0][0], s.max()[0][1], s.max()[0][2]));
        assertEquals(List.of(4.0, 5.75, 6.0), List.of(s.mean()[0][0], s.mean()[0][1], s.mean()[0][2]));
    }
}
