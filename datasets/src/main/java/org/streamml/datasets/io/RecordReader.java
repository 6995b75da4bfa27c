package org.streamml.datasets.io;

import java.io.Closeable;
import java.util.Iterator;

/**
 * One pass over a record file: an iterator that reads a line at a time and must be closed (it closes
 * itself when it reaches the end). Under {@link BadRecordPolicy#FAIL} a bad record ends the pass with a
 * {@link DataFormatException}; under {@link BadRecordPolicy#SKIP} it is counted in {@link #skipped()}.
 *
 * @param <T> record type
 */
public interface RecordReader<T> extends Iterator<T>, Closeable {

    /** The 1-based line number of the record last returned by {@link #next()} (0 before the first). */
    long lineNumber();

    /** How many records {@link #next()} has returned. */
    long recordsRead();

    /** The records skipped so far in this pass (always none under {@link BadRecordPolicy#FAIL}). */
    SkippedRecords skipped();

    /** Closes the underlying input; idempotent. */
    @Override
    void close();
}
