package org.streamml.streaming;

import java.io.Serializable;

/**
 * An immutable key-value pair, the element type of {@link PairDStream} and {@link PairBatch}.
 *
 * @param key the key (may be {@code null} only where an operation says so)
 * @param value the value
 * @param <K> key type
 * @param <V> value type
 */
public record Pair<K, V>(K key, V value) implements Serializable {

    /** The pair {@code (key, value)}. */
    public static <K, V> Pair<K, V> of(K key, V value) {
        return new Pair<>(key, value);
    }

    @Override
    public String toString() {
        return "(" + key + "," + value + ")";
    }
}
