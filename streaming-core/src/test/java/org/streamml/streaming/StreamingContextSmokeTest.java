package org.streamml.streaming;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StreamingContextSmokeTest {

    @Test
    void shouldRunMapFilterCountPerBatchUnderManualClock() throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(3).withThreads(2));
        ConcurrentLinkedQueue<List<Integer>> queue = new ConcurrentLinkedQueue<>();
        queue.add(List.of(1, 2, 3, 4, 5));
        queue.add(List.of());
        queue.add(List.of(10, 11));
        List<Long> counts = new CopyOnWriteArrayList<>();
        List<List<Integer>> mapped = new CopyOnWriteArrayList<>();
        DStream<Integer> evens = ssc.queueStream(queue).map(x -> x * 2).filter(x -> x % 4 == 0);
        evens.count().foreachBatch((b, t) -> counts.add(b.collect().get(0)));
        evens.foreachBatch((b, t) -> mapped.add(new ArrayList<>(b.collect())));
        ssc.start();
        for (int i = 1; i <= 3; i++) {
            clock.advance(1000);
            assertTrue(ssc.awaitBatch(Time.ofMillis(i * 1000L), 10_000));
        }
        ssc.stop(true);
        ssc.awaitTermination();
        assertEquals(List.of(2L, 0L, 1L), counts);
        assertEquals(List.of(List.of(4, 8), List.of(), List.of(20)), mapped);
    }

    @Test
    void shouldStopWaitingForABatchOnceAFailureHasStoppedTheContext() throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(2).withThreads(2));
        ConcurrentLinkedQueue<List<Integer>> queue = new ConcurrentLinkedQueue<>();
        queue.add(List.of(1, 0));
        ssc.queueStream(queue).map(x -> 10 / x).foreachBatch((b, t) -> b.count());
        ssc.start();
        clock.advance(1000);
        // The batch fails; a waiter for a later batch must be released when the context stops, not at its
        // (deliberately huge) timeout.
        boolean completed = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ssc.awaitBatch(Time.ofMillis(2000), 600_000));
        assertFalse(completed);
        StreamingException e = assertThrows(StreamingException.class, ssc::awaitTermination);
        assertTrue(e.getMessage().contains("map"), e.getMessage());
    }
}
