package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable one-argument function, {@code T -> R}.
 *
 * @param <T> argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
    /** Applies the function. */
    R call(T value) throws Exception;
}
