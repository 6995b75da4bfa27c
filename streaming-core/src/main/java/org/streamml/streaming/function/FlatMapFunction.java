package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable function from one value to zero or more values.
 *
 * @param <T> argument type
 * @param <R> element type of the result
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
    /** Returns the values that replace {@code value}; never {@code null}. */
    Iterable<R> call(T value) throws Exception;
}
