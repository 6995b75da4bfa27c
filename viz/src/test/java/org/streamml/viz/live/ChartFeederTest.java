package org.streamml.viz.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.viz.chart.ChartText;

class ChartFeederTest {
    private static final long INTERVAL = 100;

    /** A feed's first call waits here until released, after saying that it started. */
    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void passFirstTimeOnlyWhenReleased() throws InterruptedException {
            if (entered.getCount() > 0) {
                entered.countDown();
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test releases the feed");
            }
        }
    }

    private static StreamingContext context(ManualClock clock) {
        return new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofMillis(INTERVAL))
                .withClock(clock).withThreads(1).withDefaultPartitions(2));
    }

    /** Batch b (1, 2, ...) holds the records {@code (b-1)*size .. b*size-1}. */
    private static Queue<List<Double>> batches(int count, int size) {
        Queue<List<Double>> queue = new ConcurrentLinkedQueue<>();
        for (int b = 0; b < count; b++) {
            List<Double> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add((double) (b * size + i));
            }
            queue.add(batch);
        }
        return queue;
    }

    private static void runBatches(StreamingContext ssc, ManualClock clock, int from, int to) throws Exception {
        for (int b = from; b <= to; b++) {
            clock.advance(INTERVAL);
            assertTrue(ssc.awaitBatch(Time.ofMillis(INTERVAL * b), 5000), "batch " + b + " completed");
        }
    }

    @Test
    void shouldKeepTheEngineRunningWhileAFeedIsBlockedAndLoseNoVisiblePoint() throws Exception {
        ManualClock clock = new ManualClock();
        LiveTimeSeries chart = new LiveTimeSeries("records", new ChartText("Records", "record", "value"),
                List.of("value"), 0.5, 10);
        Gate gate = new Gate();
        try (StreamingContext ssc = context(clock)) {
            DStream<Double> records = ssc.queueStream(batches(12, 3));
            chart.attach(records, LiveChart.Points.PER_RECORD, (batch, time) -> {
                gate.passFirstTimeOnlyWhenReleased();
                for (double r : batch.collect()) {
                    chart.append(r, new double[] {r}, false);
                }
            });
            ssc.start();
            runBatches(ssc, clock, 1, 1);
            assertTrue(gate.entered.await(5, TimeUnit.SECONDS));

            runBatches(ssc, clock, 2, 12);

            assertEquals(0, chart.appended(), "the engine ran 11 batches while the feed was blocked");
            gate.release.countDown();
            assertTrue(chart.awaitIdle(5000));
        }

        XYDataset shown = chart.render().getXYPlot().getDataset();
        double[] xs = new double[shown.getItemCount(0)];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = shown.getXValue(0, i);
        }
        assertArrayEquals(LongStream.rangeClosed(26, 35).asDoubleStream().toArray(), xs,
                "the last 10 of the 36 records, as if every batch had been fed");
        assertEquals(7, chart.droppedBatches(), "batches 2-8 waited behind batches 9-12, whose 12 points evict theirs");
        assertEquals(3 + 4 * 3, chart.appended(), "batch 1 and batches 9-12 were fed");
        assertEquals(5, chart.version(), "each fed batch was published");
    }

    @Test
    void shouldFeedBatchesInOrderOffTheEngineThreadWithTheirNumbersWhenDropping() throws Exception {
        ManualClock clock = new ManualClock();
        LiveLines chart = LiveLines.metrics("sums", List.of("sum"), 3);
        LiveLines everyBatch = LiveLines.metrics("every-batch", List.of("sum"), 100);
        List<Long> times = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Gate gate = new Gate();
        try (StreamingContext ssc = context(clock)) {
            DStream<Double> records = ssc.queueStream(batches(10, 4));
            chart.attachPerBatch(records, b -> {
                gate.passFirstTimeOnlyWhenReleased();
                return new double[] {sum(b.collect())};
            });
            everyBatch.attach(records, (b, t) -> {
                threads.add(Thread.currentThread().getName());
                times.add(t.millis());
                everyBatch.append(times.size(), b.aggregate(() -> new double[1], (acc, x) -> {
                    acc[0] += x;
                    return acc;
                }, (x, y) -> {
                    x[0] += y[0];
                    return x;
                })[0]);
            });
            ssc.start();
            runBatches(ssc, clock, 1, 1);
            assertTrue(gate.entered.await(5, TimeUnit.SECONDS));
            runBatches(ssc, clock, 2, 10);
        }
        gate.release.countDown();
        assertTrue(chart.awaitIdle(5000));
        assertTrue(everyBatch.awaitIdle(5000));

        XYDataset sums = chart.render().getXYPlot().getDataset();
        assertEquals(3, sums.getItemCount(0));
        assertEquals(8.0, sums.getXValue(0, 0), "x is still the batch's number after drops");
        assertEquals(10.0, sums.getXValue(0, 2));
        assertEquals(36 + 37 + 38 + 39, sums.getYValue(0, 2));
        assertEquals(6, chart.droppedBatches(), "batches 2-7 waited behind three newer ones");
        List<Long> expected = LongStream.rangeClosed(1, 10).map(b -> b * INTERVAL).boxed().toList();
        assertEquals(expected, times, "every batch, in order, even while the shared thread was blocked");
        assertEquals(0, everyBatch.droppedBatches());
        assertEquals(List.of(ChartFeeder.THREAD_NAME), threads.stream().distinct().toList());
        assertEquals(36 + 37 + 38 + 39, everyBatch.render().getXYPlot().getDataset().getYValue(0, 9),
                "the batch ran its aggregate on the feeding thread after the engine stopped");
    }

    @Test
    void shouldEndTheFeedingThreadOnceTheStreamsStoppedAndTheFeedsDrained() throws Exception {
        ManualClock clock = new ManualClock();
        LiveLines chart = LiveLines.metrics("counts", List.of("count"), 100);
        try (StreamingContext ssc = context(clock)) {
            chart.attachPerBatch(ssc.queueStream(batches(3, 2)), b -> new double[] {b.count()});
            ssc.start();
            runBatches(ssc, clock, 1, 3);
            assertTrue(chart.awaitIdle(5000));
            assertTrue(feedingThread() != null, "the thread lives while the stream runs");
        }
        Thread feeder = feedingThread();
        if (feeder != null) {
            feeder.join(5000);
            assertFalse(feeder.isAlive(), "the feeding thread ended after the stream stopped");
        }
        assertEquals(3, chart.appended());
    }

    private static Thread feedingThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(ChartFeeder.THREAD_NAME) && t.isAlive()) {
                return t;
            }
        }
        return null;
    }

    private static double sum(List<Double> values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
