package org.streamml.streaming;

import java.util.List;

/**
 * Where an input stream's records come from. The engine calls {@link #poll} once per batch, on the
 * scheduler thread, and splits what it returns into the batch's partitions.
 *
 * <p>A <em>replayable</em> source (files, generators with a seed, in-memory data) counts records with
 * offsets and can restart from any offset it has produced: it recovers by replay. Other sources
 * (sockets) receive data on their own thread into a bounded buffer; a full buffer blocks the sender,
 * so memory stays bounded and nothing is dropped.
 *
 * @param <T> record type
 */
public interface Source<T> extends AutoCloseable {

    /** Called once when the context starts, before the first poll. */
    default void start() throws Exception {
    }

    /**
     * The records of the batch at {@code batchTime}; an empty list when none are ready. Called once per
     * batch time, in increasing order.
     */
    List<T> poll(Time batchTime) throws Exception;

    /** Whether no record will ever come again (a finite source at its end). */
    boolean isExhausted();

    /** Whether this source can restart from an offset it has produced ({@link #seek}). */
    default boolean isReplayable() {
        return false;
    }

    /** The offset of the next record to be polled; meaningful for replayable sources. */
    default long offset() {
        return -1;
    }

    /** Restarts a replayable source at {@code offset}, so the next poll starts with that record. */
    default void seek(long offset) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not replayable");
    }

    /** Releases the source's resources; called once when the context stops. */
    @Override
    default void close() throws Exception {
    }
}
