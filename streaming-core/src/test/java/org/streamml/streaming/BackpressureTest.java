package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.testkit.TestDriver;

class BackpressureTest {

    /** An endless source that counts how many records were pulled from it. */
    private static final class Endless implements Iterable<Long> {
        final AtomicLong produced = new AtomicLong();

        @Override
        public Iterator<Long> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Long next() {
                    return produced.incrementAndGet();
                }
            };
        }
    }

    @Test
    void shouldPullNoMoreThanOneBatchAheadOfASlowConsumer() throws Exception {
        Endless source = new Endless();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<BatchInfo> infos = new CopyOnWriteArrayList<>();
        try (TestDriver h = new TestDriver(2)) {
            h.context().addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    infos.add(info);
                }
            });
            h.context().fromIterable(source, 100).foreachBatch((b, t) -> {
                if (t.millis() == 1000) {
                    entered.countDown();
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                }
            });
            h.context().start();
            // A hundred batches are due at once while the consumer is stuck in the first one.
            h.clock().advance(100_000);
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            long whileBlocked = source.produced.get();
            assertTrue(whileBlocked <= 100, "pulled " + whileBlocked + " records while the consumer was blocked");
            release.countDown();
            assertTrue(h.context().awaitBatch(Time.ofMillis(100_000), 10_000));
        }
        assertEquals(100, infos.size());
        for (BatchInfo i : infos) {
            assertEquals(100, i.records());
        }
        assertEquals(100 * 100, source.produced.get());
    }
}
