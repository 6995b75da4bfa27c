package org.streamml.streaming.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.Source;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingState;
import org.streamml.streaming.Time;

/**
 * The test driver of every module (Spark's {@code TestSuiteBase} in miniature): a context on a manual
 * clock with one-second batches, inputs that hand out given batches, outputs collected per batch time.
 * Batches run only when {@link #run} advances the clock, so tests never sleep; a batch that fails makes
 * {@link #run} rethrow the failure that stopped the context.
 *
 * <pre>{@code
 * try (TestDriver driver = new TestDriver(2)) {
 *     Map<Long, List<Integer>> out = driver.collect(driver.input(List.of(List.of(1, 2), List.of(3))).map(x -> x * 2));
 *     driver.run(2);
 *     assertEquals(Map.of(1000L, List.of(2, 4), 2000L, List.of(6)), out);
 * }
 * }</pre>
 *
 * <p>The kit lives in streaming-core's test tree, published as its test-jar
 * ({@code <type>test-jar</type><scope>test</scope>}), rather than in a module of its own: streaming-core's
 * own tests use it, and a module depending on streaming-core could not be a dependency of those tests.
 */
public final class TestDriver implements AutoCloseable {
    /** The batch interval, in milliseconds. */
    public static final long INTERVAL_MILLIS = 1000;
    private static final long BATCH_TIMEOUT_MILLIS = 60_000;

    private final ManualClock clock = new ManualClock();
    private final StreamingContext context;

    /** A driver whose input batches are split into {@code partitions} partitions, run by two local threads. */
    public TestDriver(int partitions) {
        this(partitions, null);
    }

    /**
     * A driver whose input batches are split into {@code partitions} partitions, run by {@code executor}
     * (closed with the driver; pass {@link SharedExecutor#of} to keep it), or by two local threads if
     * {@code null}. The context does not stop when its inputs run out: {@link #run} decides how many batches.
     */
    public TestDriver(int partitions, BatchExecutor executor) {
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofMillis(INTERVAL_MILLIS)).withClock(clock)
                .withDefaultPartitions(partitions).withThreads(2).withStopWhenInputsExhausted(false);
        context = new StreamingContext(executor == null ? options : options.withExecutor(executor));
    }

    /**
     * Options for a context that runs its finite inputs as fast as the machine allows and then stops:
     * one-second batches on a {@link FastForwardClock}, {@code partitions} partitions, on a shared view of
     * {@code executor} (not closed with the context) or else on two local threads.
     */
    public static StreamingContext.Options fastForward(int partitions, BatchExecutor executor) {
        StreamingContext.Options options = StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withDefaultPartitions(partitions).withThreads(2);
        return executor == null ? options : options.withExecutor(SharedExecutor.of(executor));
    }

    /** The context under test. */
    public StreamingContext context() {
        return context;
    }

    /** The manual clock that fires the batches. */
    public ManualClock clock() {
        return clock;
    }

    /** An input stream giving {@code batches} one per batch, then empty batches. */
    public <T> DStream<T> input(List<List<T>> batches) {
        return context.queueStream(new ConcurrentLinkedQueue<>(batches));
    }

    /** An input stream over {@code source}. */
    public <T> DStream<T> input(Source<T> source) {
        return context.source(source);
    }

    /** A key-value input stream giving {@code batches} one per batch. */
    public <K, V> PairDStream<K, V> pairs(List<List<Pair<K, V>>> batches) {
        return PairDStream.of(input(batches));
    }

    /** Registers an output collecting each batch of {@code stream} by batch time (in ms). */
    public <T> Map<Long, List<T>> collect(DStream<T> stream) {
        Map<Long, List<T>> out = Collections.synchronizedMap(new TreeMap<>());
        stream.foreachBatch((b, t) -> out.put(t.millis(), new ArrayList<>(b.collect())));
        return out;
    }

    /**
     * Starts the context if needed and runs {@code batches} more batches, one clock step each.
     *
     * @throws org.streamml.streaming.StreamingException the failure that stopped the context, if a batch failed
     * @throws AssertionError if a batch does not complete within a minute or the context stopped otherwise
     */
    public void run(int batches) throws InterruptedException {
        if (context.state() == StreamingState.INITIALIZED) {
            context.start();
        }
        for (int i = 0; i < batches; i++) {
            clock.advance(INTERVAL_MILLIS);
            Time time = Time.ofMillis(clock.millis());
            if (!context.awaitBatch(time, BATCH_TIMEOUT_MILLIS)) {
                if (context.state() == StreamingState.STOPPED) {
                    context.awaitTermination();
                    throw new AssertionError("the context stopped before the batch at " + time);
                }
                throw new AssertionError("the batch at " + time + " did not complete");
            }
        }
    }

    /** Each batch's records as sorted strings, for comparisons that ignore order within a batch. */
    public static Map<Long, List<String>> sorted(Map<Long, ? extends List<?>> batches) {
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

    /** Stops the context and waits for it; a failure that stopped it earlier is the test's to check. */
    @Override
    public void close() {
        context.close();
    }

    /** Runs {@code numBatches} batches of {@code input}, two partitions each, through the graph {@code setup} builds. */
    public static <T> void run(List<List<T>> input, int numBatches, Consumer<DStream<T>> setup)
            throws InterruptedException {
        run(input, numBatches, 2, setup);
    }

    /** {@link #run(List, int, Consumer)} with {@code partitions} partitions per batch. */
    public static <T> void run(List<List<T>> input, int numBatches, int partitions, Consumer<DStream<T>> setup)
            throws InterruptedException {
        try (TestDriver driver = new TestDriver(partitions)) {
            setup.accept(driver.input(input));
            driver.run(numBatches);
        }
    }

    /** Runs {@code numBatches} batches of {@code source}, two partitions each, through the graph {@code setup} builds. */
    public static <T> void run(Source<T> source, int numBatches, Consumer<DStream<T>> setup)
            throws InterruptedException {
        Objects.requireNonNull(source, "source");
        try (TestDriver driver = new TestDriver(2)) {
            setup.accept(driver.input(source));
            driver.run(numBatches);
        }
    }

    /** Adds every batch of {@code stream} to {@code out} as a list, in batch order. */
    public static <T> void collect(DStream<T> stream, List<List<T>> out) {
        stream.foreachBatch((b, t) -> out.add(new ArrayList<>(b.collect())));
    }
}
