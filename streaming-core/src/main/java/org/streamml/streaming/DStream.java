package org.streamml.streaming;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.streamml.streaming.function.FlatMapFunction;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function2;
import org.streamml.streaming.function.PairFunction;
import org.streamml.streaming.function.Predicate;
import org.streamml.streaming.function.VoidFunction2;

/**
 * A discretized stream: a sequence of immutable, partitioned {@link Batch}es, one per slide interval.
 * Transformations are lazy and only declare a new stream; output operations ({@link #foreachBatch},
 * {@link #print}) register a job that runs once per batch, in registration order.
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext(Duration.ofSeconds(1));
 * DStream<String> lines = ssc.socketTextStream("localhost", 9999);
 * lines.flatMap(l -> Arrays.asList(l.split(" ")))
 *      .countByValue()
 *      .print();
 * ssc.start();
 * ssc.awaitTermination();
 * }</pre>
 *
 * <p>User functions must be serializable (they are, as lambdas of this package's functional interfaces),
 * must not keep hidden global state, and may run on any thread; an exception they throw fails the batch
 * with a {@link StreamingException} naming the operation and the batch time.
 *
 * @param <T> record type
 */
public abstract class DStream<T> {
    private final StreamingContext context;
    private final int id;
    private final String operation;
    private final Map<Time, Optional<Batch<T>>> generated = new ConcurrentHashMap<>();
    private volatile String name;
    private volatile Duration rememberDuration;

    /** Registers a new stream with {@code context}; {@code operation} names it in errors and logs. */
    protected DStream(StreamingContext context, String operation) {
        this.context = Objects.requireNonNull(context, "context");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.id = context.graph().register(this);
    }

    // ------------------------------------------------------------------ structure

    /** The context this stream belongs to. */
    public StreamingContext context() {
        return context;
    }

    /** The stream's stable identity: its position in the order streams were declared (from 0). */
    public int id() {
        return id;
    }

    /** The operation that made this stream, for example {@code "map"}, with the user's name if set. */
    public String describe() {
        String n = name;
        return operation + "#" + id + (n == null ? "" : " '" + n + "'");
    }

    /** The operation that made this stream, without the user's name: part of a checkpoint's fingerprint. */
    final String operation() {
        return operation;
    }

    /** Gives this stream a name shown in errors and metrics; returns this stream. */
    public DStream<T> name(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
        return this;
    }

    /**
     * Spark's {@code cache()}, for code ported from Spark: returns this stream. A batch is computed once and
     * kept while any output or window still reads it, so there is nothing to cache.
     */
    public DStream<T> cache() {
        return this;
    }

    /** The interval between this stream's batches. */
    public abstract Duration slideDuration();

    /** The streams this one is computed from. */
    public abstract List<DStream<?>> dependencies();

    /**
     * Computes the batch for {@code time}, a valid time of this stream; empty where the stream has no
     * batch then (for example a {@code reduce} of an empty batch). Called at most once per time.
     */
    protected abstract Optional<Batch<T>> compute(Time time);

    /** Whether this stream has a batch at {@code time}: after the start and on its slide. */
    public final boolean isValidTime(Time time) {
        Time zero = context.zeroTime();
        return zero != null && time.isAfter(zero) && (time.millis() - zero.millis()) % slideDuration().toMillis() == 0;
    }

    /**
     * The batch of this stream at {@code time}, computed once and remembered for as long as downstream
     * windows need it; empty if {@code time} is not on this stream's slide.
     */
    public final Optional<Batch<T>> batchAt(Time time) {
        if (!isValidTime(time)) {
            return Optional.empty();
        }
        Optional<Batch<T>> cached = generated.get(time);
        if (cached != null) {
            return cached;
        }
        Optional<Batch<T>> batch;
        try {
            batch = Objects.requireNonNull(compute(time), "compute returned null");
        } catch (RuntimeException | Error e) {
            throw StreamingException.wrap(describe(), time, e);
        }
        generated.put(time, batch);
        return batch;
    }

    /** The number of partitions of this stream's batches. */
    public int numPartitions() {
        List<DStream<?>> deps = dependencies();
        return deps.isEmpty() ? context.defaultPartitions() : deps.get(0).numPartitions();
    }

    /** How long a child needs this stream's batches kept, given this stream's own remember duration. */
    protected Duration parentRememberDuration() {
        return rememberDuration;
    }

    final void initRemember(Duration atLeast) {
        Duration d = atLeast.compareTo(slideDuration()) > 0 ? atLeast : slideDuration();
        if (rememberDuration == null || d.compareTo(rememberDuration) > 0) {
            rememberDuration = d;
        }
        for (DStream<?> dep : dependencies()) {
            dep.initRemember(parentRememberDuration());
        }
    }

    /** Forgets the batches this stream no longer needs after batch {@code time}; returns the newest forgotten time. */
    final long forgetBefore(Time time) {
        Duration keep = rememberDuration == null ? slideDuration() : rememberDuration;
        long oldest = time.millis() - keep.toMillis();
        generated.keySet().removeIf(t -> t.millis() <= oldest);
        return oldest;
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * The state this stream carries from one batch to the next, as a value {@link
     * org.streamml.streaming.checkpoint.Values} can write, or {@code null} when it carries none (most
     * streams). Called on the scheduler thread between batches.
     */
    Object checkpointState() {
        return null;
    }

    /** Restores what {@link #checkpointState} returned, before the first batch after a restart. */
    void restoreCheckpointState(Object saved) {
        throw new IllegalStateException(describe() + " keeps no state to restore");
    }

    /** Whether windows read this stream's batches back, so that a checkpoint must hold them. */
    final boolean remembersPastBatches() {
        Duration keep = rememberDuration;
        return keep != null && keep.compareTo(slideDuration()) > 0;
    }

    /**
     * The batches this stream remembers at or before {@code time}, oldest first, as
     * {@code [time ms, partitions or null]} lists; {@code localize} brings partitions kept elsewhere to
     * this process.
     */
    final List<List<Object>> rememberedBatches(Time time,
                                               java.util.function.UnaryOperator<List<List<T>>> localize) {
        List<Time> times = new java.util.ArrayList<>(generated.keySet());
        times.sort(null);
        List<List<Object>> out = new java.util.ArrayList<>();
        for (Time t : times) {
            if (t.isAfter(time)) {
                continue;
            }
            Optional<Batch<T>> b = generated.get(t);
            List<Object> entry = new java.util.ArrayList<>(2);
            entry.add(t.millis());
            entry.add(b.isPresent() ? localize.apply(b.get().partitions()) : null);
            out.add(entry);
        }
        return out;
    }

    /** Puts back batches saved by {@link #rememberedBatches}. */
    @SuppressWarnings("unchecked")
    final void restoreRememberedBatches(List<?> saved) {
        for (Object o : saved) {
            List<?> entry = (List<?>) o;
            Time t = Time.ofMillis((Long) entry.get(0));
            Object parts = entry.get(1);
            generated.put(t, parts == null ? Optional.empty()
                    : Optional.of(new Batch<>(t, (List<List<T>>) parts, context.executor())));
        }
    }

    /** Called once when the context starts; streams holding resources open them here. */
    protected void onStart() {
    }

    /** Called once when the context stops; streams holding resources release them here. */
    protected void onStop() {
    }

    // ------------------------------------------------------------------ transformations

    /** Applies {@code f} to each record. */
    public <R> DStream<R> map(Function<T, R> f) {
        return new TransformedDStream<>(this, "map", b -> b.map(f));
    }

    /** Applies {@code f} to each record and flattens the results. */
    public <R> DStream<R> flatMap(FlatMapFunction<T, R> f) {
        return new TransformedDStream<>(this, "flatMap", b -> b.flatMap(f));
    }

    /** Keeps the records that pass {@code p}. */
    public DStream<T> filter(Predicate<T> p) {
        return new TransformedDStream<>(this, "filter", b -> b.filter(p));
    }

    /** Applies {@code f} to each partition's iterator. */
    public <R> DStream<R> mapPartitions(FlatMapFunction<java.util.Iterator<T>, R> f) {
        return new TransformedDStream<>(this, "mapPartitions", b -> b.mapPartitions(f));
    }

    /** Maps each record to a key-value pair, giving a stream with the key-based operations. */
    public <K, V> PairDStream<K, V> mapToPair(PairFunction<T, K, V> f) {
        return PairDStream.of(new TransformedDStream<>(this, "mapToPair", b -> b.mapToPair(f)));
    }

    /** The same records in {@code numPartitions} partitions per batch. */
    public DStream<T> repartition(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
        return new TransformedDStream<>(this, "repartition", b -> b.repartition(numPartitions), numPartitions);
    }

    /** The records of this stream and of {@code other}, which must have the same slide. */
    public DStream<T> union(DStream<T> other) {
        return new UnionDStream<>(List.of(this, other));
    }

    /**
     * Applies an arbitrary batch-to-batch function, called on the driver at every batch. It must not
     * return {@code null}.
     */
    public <R> DStream<R> transform(Function<Batch<T>, Batch<R>> f) {
        return transform((b, t) -> f.call(b));
    }

    /** Like {@link #transform(Function)}, with the batch time as second argument. */
    public <R> DStream<R> transform(Function2<Batch<T>, Time, Batch<R>> f) {
        return new TransformedDStream<>(this, "transform", b -> {
            Batch<R> r = f.call(b, b.time());
            if (r == null) {
                throw new IllegalStateException("the transform function returned null");
            }
            return r.withTime(b.time());
        }, -1);
    }

    /**
     * A batch holding one record, the number of records of each batch; an empty batch gives 0. As in
     * Spark (a reduce by the {@code null} key), the batch has the context's default partition count, the
     * count being in partition 0 and the others empty.
     */
    public DStream<Long> count() {
        int partitions = context.defaultPartitions();
        return new TransformedDStream<>(this, "count", b -> {
            List<List<Long>> parts = new java.util.ArrayList<>(partitions);
            parts.add(List.of(b.count()));
            for (int p = 1; p < partitions; p++) {
                parts.add(List.of());
            }
            return new Batch<>(b.time(), parts, b.executor());
        }, partitions);
    }

    /** A one-record batch holding the reduction of each batch; an empty batch gives an empty batch. */
    public DStream<T> reduce(Function2<T, T, T> f) {
        return new TransformedDStream<>(this, "reduce", b -> {
            Optional<T> r = b.reduce(f);
            return Batch.split(b.time(), r.map(List::of).orElse(List.of()), 1, b.executor());
        }, 1);
    }

    /** How often each distinct record occurs in each batch. */
    public PairDStream<T, Long> countByValue() {
        return countByValue(numPartitions());
    }

    /** How often each distinct record occurs in each batch, in {@code numPartitions} partitions. */
    public PairDStream<T, Long> countByValue(int numPartitions) {
        return PairDStream.of(new TransformedDStream<>(this, "countByValue",
                b -> b.countByValue(numPartitions), numPartitions));
    }

    /**
     * Every {@code slide}, the union of this stream's batches in the last {@code window}: times in
     * {@code (t - window, t]}. Both durations must be multiples of this stream's slide; early windows are
     * partial.
     */
    public DStream<T> window(Duration window, Duration slide) {
        return new WindowedDStream<>(this, window, slide);
    }

    /** {@link #window(Duration, Duration)} sliding by this stream's own slide. */
    public DStream<T> window(Duration window) {
        return window(window, slideDuration());
    }

    /**
     * Every {@code slide}, the reduction of the records in the last {@code window} (one record; an empty
     * window gives an empty batch): each batch is reduced, the results windowed, then reduced again.
     */
    public DStream<T> reduceByWindow(Function2<T, T, T> f, Duration window, Duration slide) {
        return reduce(f).window(window, slide).reduce(f);
    }

    /**
     * The incremental {@link #reduceByWindow(Function2, Duration, Duration)}: each window is the previous
     * one with {@code inverse} removing the batches that left it and {@code f} adding those that entered.
     * Once data has arrived, a window that became empty gives the "zero" left by the inverse (Spark's
     * behaviour), not an empty batch; this holds for a slide shorter than or equal to the window. With a
     * slide longer than the window, each window is reduced from its own batches (see the differences
     * from Spark in the README).
     */
    public DStream<T> reduceByWindow(Function2<T, T, T> f, Function2<T, T, T> inverse, Duration window,
                                     Duration slide) {
        return mapToPair(x -> Pair.of(Boolean.TRUE, x))
                .reduceByKeyAndWindow(f, inverse, window, slide, 1, null)
                .map(Pair::value);
    }

    /**
     * Every {@code slide}, the number of records in the last {@code window}, computed incrementally: empty
     * before any data, then 0 for an empty window (slide at most the window, as for
     * {@link #reduceByWindow(Function2, Function2, Duration, Duration)}).
     */
    public DStream<Long> countByWindow(Duration window, Duration slide) {
        return map(x -> 1L).reduceByWindow(Long::sum, (a, b) -> a - b, window, slide);
    }

    /** Every {@code slide}, how often each record occurs in the last {@code window}; zero counts are dropped. */
    public PairDStream<T, Long> countByValueAndWindow(Duration window, Duration slide) {
        return countByValueAndWindow(window, slide, numPartitions());
    }

    /** {@link #countByValueAndWindow(Duration, Duration)} into {@code numPartitions} partitions. */
    public PairDStream<T, Long> countByValueAndWindow(Duration window, Duration slide, int numPartitions) {
        return mapToPair(x -> Pair.of(x, 1L))
                .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, numPartitions,
                        kv -> kv.value() != 0L);
    }

    // ------------------------------------------------------------------ output operations

    /**
     * Registers {@code f} to run on the driver for every batch, empty batches included, with the batch
     * and its time.
     */
    public void foreachBatch(VoidFunction2<Batch<T>, Time> f) {
        new OutputDStream<>(this, "foreachBatch", f).register();
    }

    /** Prints the first ten records of every batch to standard output. */
    public void print() {
        print(10);
    }

    /**
     * Prints, for every batch, a dashed line, {@code Time: <ms> ms}, another dashed line, the first
     * {@code n} records, {@code ...} if there were more, and a blank line (Spark's format).
     */
    public void print(int n) {
        new OutputDStream<T>(this, "print", new PrintAction<>(n)).register();
    }

    /**
     * Writes every batch as text, one record's {@code toString()} per line, into the directory
     * {@code prefix-<batch time ms>[.suffix]} with one {@code part-NNNNN} file per partition. Each
     * directory is written under a hidden temporary name and then renamed, so readers never see a half
     * batch; a directory left by an earlier run of the same batch is replaced.
     */
    public void saveAsTextFiles(String prefix, String suffix) {
        TextFilesOutput<T> writer = new TextFilesOutput<>(prefix, suffix);
        new OutputDStream<T>(this, "saveAsTextFiles", writer::write).register();
    }

    /** The streams of {@code streams}, all of which must share this stream's slide. */
    static List<DStream<?>> checkSameSlide(List<? extends DStream<?>> streams) {
        List<DStream<?>> out = new ArrayList<>(streams);
        Duration slide = out.get(0).slideDuration();
        for (DStream<?> s : out) {
            if (!s.slideDuration().equals(slide)) {
                throw new IllegalArgumentException("Some of the DStreams have different slide durations: "
                        + slide + " and " + s.slideDuration());
            }
            if (s.context() != out.get(0).context()) {
                throw new IllegalArgumentException("All the DStreams must belong to the same context");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return describe();
    }
}
