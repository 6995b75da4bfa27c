package org.streamml.viz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.streamml.viz.live.LiveChart;
import org.streamml.viz.live.LiveLines;

class SlowSinkTest {

    /** A sink whose first frame blocks until released; records how many points each frame drew. */
    private static final class BlockingSink extends RenderingSink {
        final CountDownLatch firstFrameStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> pointsDrawn = new CopyOnWriteArrayList<>();

        BlockingSink() {
            super("test-blocking-sink", FramePacing.unpaced());
        }

        @Override
        protected void draw(LiveChart chart, long version) {
            int points = chart.render().getXYPlot().getDataset().getItemCount(0);
            if (pointsDrawn.isEmpty()) {
                firstFrameStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pointsDrawn.add(points);
        }
    }

    @Test
    void shouldKeepEveryPointWhileASlowSinkSkipsFrames() throws Exception {
        LiveLines chart = LiveLines.metrics("loss", List.of("loss"), 1000);
        BlockingSink sink = new BlockingSink();
        sink.add(chart);
        assertTrue(sink.firstFrameStarted.await(5, TimeUnit.SECONDS));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int batch = 1; batch <= 500; batch++) {
                chart.append(batch, 1.0 / batch);
                chart.publish();
            }
        }, "the stream never waits for a blocked sink");
        sink.release.countDown();
        assertTrue(sink.awaitFrames(2, 5000));
        sink.close();

        assertEquals(0, sink.pointsDrawn.get(0), "the first frame drew the empty chart");
        assertEquals(500, sink.pointsDrawn.get(sink.pointsDrawn.size() - 1), "the last frame has every point");
        assertTrue(sink.pointsDrawn.size() <= 3, "500 publishes during a blocked frame made at most two more frames: "
                + sink.pointsDrawn);
        assertEquals(500, chart.appended());
    }
}
