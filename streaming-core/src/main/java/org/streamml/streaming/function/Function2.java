package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable two-argument function, {@code (T1, T2) -> R}.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
    /** Applies the function. */
    R call(T1 first, T2 second) throws Exception;
}
