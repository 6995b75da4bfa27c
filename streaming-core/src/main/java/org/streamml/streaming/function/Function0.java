package org.streamml.streaming.function;

import java.io.Serializable;

/**
 * A serializable supplier, {@code () -> R}; used for per-partition zero values of aggregations.
 *
 * @param <R> result type
 */
@FunctionalInterface
public interface Function0<R> extends Serializable {
    /** Produces a value; called once per partition where it supplies a mutable zero. */
    R call() throws Exception;
}
