package org.streamml.datasets.io;

/**
 * A file of records that can be read any number of times, each pass from the start. Because it is an
 * {@link Iterable} whose passes repeat the same records, it plugs into the engine as a replayable source
 * ({@code new org.streamml.datasets.replay.ReplaySource<>(file, 1000)}), where the offset is the record
 * index.
 *
 * @param <T> record type
 */
public interface RecordFile<T> extends Iterable<T> {

    /** The name errors show. */
    String name();

    /** Opens a new pass over the records; close it when done (it closes itself at the end). */
    RecordReader<T> open();

    /** Same as {@link #open()}. */
    @Override
    default RecordReader<T> iterator() {
        return open();
    }
}
