package org.streamml.streaming.api.java;

import java.util.Objects;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function2;

/**
 * Spark's {@code JavaPairDStream} over a {@link PairDStream}. {@link #dstream()} is the engine's stream;
 * {@link #print} shows each pair as Spark does, {@code (key,value)}.
 *
 * @param <K> the keys' type
 * @param <V> the values' type
 */
public class JavaPairDStream<K, V> {
    private final PairDStream<K, V> dstream;

    /** The Java view of {@code dstream}. */
    public JavaPairDStream(PairDStream<K, V> dstream) {
        this.dstream = Objects.requireNonNull(dstream, "dstream");
    }

    /** The engine's stream. */
    public PairDStream<K, V> dstream() {
        return dstream;
    }

    /** {@link PairDStream#mapValues}. */
    public <W> JavaPairDStream<K, W> mapValues(Function<V, W> f) {
        return new JavaPairDStream<>(dstream.mapValues(f));
    }

    /** {@link PairDStream#reduceByKey(Function2)}. */
    public JavaPairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
        return new JavaPairDStream<>(dstream.reduceByKey(f));
    }

    /** This stream; batches are computed once already. */
    public JavaPairDStream<K, V> cache() {
        dstream.cache();
        return this;
    }

    /** The first ten pairs of every batch, as {@code (key,value)}. */
    public void print() {
        print(10);
    }

    /** The first {@code n} pairs of every batch, as {@code (key,value)}. */
    public void print(int n) {
        dstream.map(p -> new Tuple2<>(p.key(), p.value())).print(n);
    }
}
