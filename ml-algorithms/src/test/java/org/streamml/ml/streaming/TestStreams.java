package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.StreamingListener;

/**
 * Spark's {@code TestSuiteBase} in miniature: a manual clock with 1 s batches, each input batch split
 * into 2 partitions, batches past the end of the input empty.
 */
final class TestStreams {
    private TestStreams() {
    }

    /** Runs {@code numBatches} batches of {@code input} through the graph that {@code setup} builds. */
    static <T> void run(List<List<T>> input, int numBatches, Consumer<DStream<T>> setup) throws InterruptedException {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(2).withThreads(2)
                .withStopWhenInputsExhausted(false));
        try {
            DStream<T> stream = ssc.queueStream(new ConcurrentLinkedQueue<>(input));
            setup.accept(stream);
            Semaphore progress = new Semaphore(0);
            AtomicBoolean stopped = new AtomicBoolean();
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    progress.release();
                }

                @Override
                public void onStopped(Throwable failure) {
                    stopped.set(true);
                    progress.release();
                }
            });
            ssc.start();
            for (int i = 1; i <= numBatches; i++) {
                clock.advance(1000);
                assertTrue(progress.tryAcquire(30, TimeUnit.SECONDS), "batch " + i + " did not complete");
                if (stopped.get()) {
                    ssc.awaitTermination();
                }
            }
        } finally {
            ssc.close();
        }
    }

    /** Adds every batch of {@code stream} to {@code out} as a list, in batch order. */
    static <T> void collect(DStream<T> stream, List<List<T>> out) {
        stream.foreachBatch((b, t) -> out.add(new ArrayList<>(b.collect())));
    }
}
