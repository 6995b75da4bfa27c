package org.streamml.streaming;

/**
 * A source that can go back: it says where it stands as {@link SourceOffsets} (one position per source
 * partition) and restarts from any offsets it has given, reproducing the same records. Files, seeded
 * generators, in-memory data and, later, Kafka offset ranges are replayable; a socket is not (it is a plain
 * {@link Source}). The engine records each batch's {@link InputDStream.OffsetRange} for a replayable source
 * ({@link InputDStream#offsetsAt}), which is what recovery by replay and exactly-once checkpoints build on.
 *
 * <p>The contract, for offsets {@code o} this source returned from {@link #offsets()}: after
 * {@code seek(o)}, the polls give the same records, batch for batch, as they gave after {@code o} was
 * returned, as long as the same batch sizes are asked for. Offsets move forward only by polling
 * (or planning).
 *
 * <pre>{@code
 * ReplayableSource<String> lines = new FileReplaySource(path, 1000);
 * List<String> first = lines.poll(t1);
 * SourceOffsets mark = lines.offsets();        // {0=1000}
 * List<String> second = lines.poll(t2);
 * lines.seek(mark);
 * lines.poll(t2).equals(second);               // true
 * }</pre>
 *
 * @param <T> record type
 */
public interface ReplayableSource<T> extends Source<T> {

    /** Where the next poll starts: per source partition, the position of the next record. */
    SourceOffsets offsets();

    /**
     * Restarts at {@code offsets}, so that the next poll starts with the records there.
     *
     * @throws IllegalArgumentException if the offsets name partitions this source does not have, or a
     *                                  position it cannot reach (past the end of a file, for example)
     */
    void seek(SourceOffsets offsets);
}
