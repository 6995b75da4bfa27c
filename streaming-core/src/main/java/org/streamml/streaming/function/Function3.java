package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable three-argument function, {@code (T1, T2, T3) -> R}.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 * @param <T3> third argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> extends Serializable {
    /** Applies the function. */
    R call(T1 first, T2 second, T3 third) throws Exception;
}
