package org.streamml.streaming;

import java.util.List;

/**
 * Where an input stream's records come from. The engine calls {@link #poll} once per batch, on the
 * scheduler thread, and splits what it returns into the batch's partitions.
 *
 * <p>How a source recovers is its type: a {@link ReplayableSource} (files, generators with a seed,
 * in-memory data) keeps {@link SourceOffsets} and can restart from any offsets it has given, so it
 * recovers by replay; a {@link PartitionedSource} is a replayable source read partition by partition
 * where the partitions are processed. Other sources (sockets) receive data on their own thread into a
 * bounded buffer; a full buffer blocks the sender, so memory stays bounded and nothing is dropped.
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

    /** Releases the source's resources; called once when the context stops. */
    @Override
    default void close() throws Exception {
    }
}
