package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test driver: a context on a manual clock with one-second batches, queue inputs, and outputs
 * collected per batch time. Batches run only when {@link #run} advances the clock; no sleeps.
 */
final class Harness implements AutoCloseable {
    static final long INTERVAL = 1000;

    final ManualClock clock = new ManualClock();
    final StreamingContext ssc;

    Harness(int partitions) {
        ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofMillis(INTERVAL)).withClock(clock)
                .withDefaultPartitions(partitions).withThreads(2).withStopWhenInputsExhausted(false));
    }

    /** An input stream giving {@code batches} one per batch, then empty batches. */
    <T> DStream<T> input(List<List<T>> batches) {
        return ssc.queueStream(new ConcurrentLinkedQueue<>(batches));
    }

    /** A key-value input stream. */
    <K, V> PairDStream<K, V> pairs(List<List<Pair<K, V>>> batches) {
        return PairDStream.of(input(batches));
    }

    /** Registers an output collecting each batch of {@code stream} by batch time (in ms). */
    <T> Map<Long, List<T>> collect(DStream<T> stream) {
        Map<Long, List<T>> out = Collections.synchronizedMap(new TreeMap<>());
        stream.foreachBatch((b, t) -> out.put(t.millis(), new ArrayList<>(b.collect())));
        return out;
    }

    /** Starts the context if needed and runs {@code batches} more batches. */
    void run(int batches) throws InterruptedException {
        if (ssc.state() == StreamingState.INITIALIZED) {
            ssc.start();
        }
        for (int i = 0; i < batches; i++) {
            clock.advance(INTERVAL);
            assertTrue(ssc.awaitBatch(Time.ofMillis(clock.millis()), 10_000), "batch did not complete");
        }
    }

    /** Each batch's records as sorted strings, for comparisons that ignore order within a batch. */
    static Map<Long, List<String>> sorted(Map<Long, ? extends List<?>> batches) {
        Map<Long, List<String>> out = new TreeMap<>();
        synchronized (batches) {
            batches.forEach((t, b) -> {
                List<String> s = new ArrayList<>();
                b.forEach(x -> s.add(String.valueOf(x)));
                Collections.sort(s);
                out.put(t, s);
            });
        }
        return out;
    }

    /** Stops the context; a failure that stopped it earlier is the test's to check, not rethrown here. */
    @Override
    public void close() throws InterruptedException {
        ssc.stop(false);
        try {
            ssc.awaitTerminationOrTimeout(10_000);
        } catch (StreamingException alreadyChecked) {
            assertTrue(ssc.state() == StreamingState.STOPPED);
        }
    }
}
