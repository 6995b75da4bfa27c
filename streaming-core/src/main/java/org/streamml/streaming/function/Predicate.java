package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable test on one value; returns a primitive {@code boolean}, so filters box nothing.
 *
 * @param <T> argument type
 */
@FunctionalInterface
public interface Predicate<T> extends Serializable {
    /** Returns whether {@code value} passes. */
    boolean test(T value) throws Exception;
}
