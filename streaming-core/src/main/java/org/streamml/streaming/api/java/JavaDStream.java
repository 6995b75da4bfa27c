package org.streamml.streaming.api.java;

import java.util.Objects;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.function.FlatMapFunction;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Predicate;

/**
 * Spark's {@code JavaDStream} over a {@link DStream}: the transformations Spark's streaming examples use, each
 * returning the Java view of the engine's result. {@link #dstream()} is the engine's stream.
 *
 * @param <T> the records' type
 */
public class JavaDStream<T> {
    private final DStream<T> dstream;

    /** The Java view of {@code dstream}. */
    public JavaDStream(DStream<T> dstream) {
        this.dstream = Objects.requireNonNull(dstream, "dstream");
    }

    /** The engine's stream. */
    public DStream<T> dstream() {
        return dstream;
    }

    /** {@link DStream#map}. */
    public <R> JavaDStream<R> map(Function<T, R> f) {
        return new JavaDStream<>(dstream.map(f));
    }

    /** {@link DStream#flatMap}. */
    public <R> JavaDStream<R> flatMap(FlatMapFunction<T, R> f) {
        return new JavaDStream<>(dstream.flatMap(f));
    }

    /** {@link DStream#filter}: Spark's {@code filter(Function<T, Boolean>)}. */
    public JavaDStream<T> filter(Function<T, Boolean> f) {
        Objects.requireNonNull(f, "f");
        Predicate<T> p = t -> f.call(t);
        return new JavaDStream<>(dstream.filter(p));
    }

    /** {@link DStream#mapToPair} of a function giving {@link Tuple2}s, as Spark's. */
    public <K, V> JavaPairDStream<K, V> mapToPair(Function<T, Tuple2<K, V>> f) {
        Objects.requireNonNull(f, "f");
        return new JavaPairDStream<>(dstream.mapToPair(t -> {
            Tuple2<K, V> kv = f.call(t);
            return Pair.of(kv._1(), kv._2());
        }));
    }

    /** {@link DStream#cache()}: this stream (batches are computed once already). */
    public JavaDStream<T> cache() {
        dstream.cache();
        return this;
    }

    /** {@link DStream#count}. */
    public JavaDStream<Long> count() {
        return new JavaDStream<>(dstream.count());
    }

    /** {@link DStream#print()}: the first ten records of every batch. */
    public void print() {
        dstream.print();
    }

    /** {@link DStream#print(int)}. */
    public void print(int n) {
        dstream.print(n);
    }
}
