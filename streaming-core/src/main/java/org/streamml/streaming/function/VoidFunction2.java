package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable action on two values, for example {@code (batch, time) -> ...} in
 * {@link org.streamml.streaming.DStream#foreachBatch}.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 */
@FunctionalInterface
public interface VoidFunction2<T1, T2> extends Serializable {
    /** Performs the action. */
    void call(T1 first, T2 second) throws Exception;
}
