package org.streamml.streaming.function;

import java.io.Serializable;
import org.streamml.streaming.Pair;

/**
 * A serializable function from one value to a key-value {@link Pair}.
 *
 * @param <T> argument type
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
    /** Returns the pair for {@code value}. */
    Pair<K, V> call(T value) throws Exception;
}
