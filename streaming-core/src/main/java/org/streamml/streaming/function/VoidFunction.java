package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable action on one value.
 *
 * @param <T> argument type
 */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
    /** Performs the action. */
    void call(T value) throws Exception;
}
