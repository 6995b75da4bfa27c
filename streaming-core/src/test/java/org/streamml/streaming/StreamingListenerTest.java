package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.testkit.TestDriver;

class StreamingListenerTest {

    @Test
    void shouldReportRecordsAndDelaysPerBatch() throws Exception {
        List<BatchInfo> infos = new CopyOnWriteArrayList<>();
        List<Time> started = new CopyOnWriteArrayList<>();
        List<Throwable> stopped = new CopyOnWriteArrayList<>();
        TestDriver h = new TestDriver(2);
        h.context().addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchStarted(Time batchTime) {
                started.add(batchTime);
            }

            @Override
            public void onBatchCompleted(BatchInfo info) {
                infos.add(info);
            }

            @Override
            public void onStopped(Throwable failure) {
                stopped.add(failure == null ? new RuntimeException("none") : failure);
            }
        });
        DStream<Integer> a = h.input(List.of(List.of(1, 2, 3), List.of(4)));
        DStream<Integer> b = h.input(List.of(List.of(5), List.of()));
        h.collect(a.union(b));
        h.context().start();
        // Both batches become due at once: the first starts 1500 ms late, the second 500 ms late.
        h.clock().advance(2500);
        assertTrue(h.context().awaitBatch(Time.ofMillis(2000), 10_000));
        h.close();
        assertEquals(List.of(Time.ofMillis(1000), Time.ofMillis(2000)), started);
        assertEquals(2, infos.size());
        BatchInfo first = infos.get(0);
        BatchInfo second = infos.get(1);
        assertEquals(Time.ofMillis(1000), first.batchTime());
        assertEquals(4, first.records());
        assertEquals(1500, first.schedulingDelayMillis());
        assertEquals(1, second.records());
        assertEquals(500, second.schedulingDelayMillis());
        for (BatchInfo i : infos) {
            assertTrue(i.processingNanos() >= 0);
            assertEquals(i.schedulingDelayMillis() + i.processingNanos() / 1_000_000, i.totalDelayMillis());
        }
        assertEquals(1, stopped.size());
        assertEquals("none", stopped.get(0).getMessage());
    }
}
