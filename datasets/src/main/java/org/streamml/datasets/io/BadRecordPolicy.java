package org.streamml.datasets.io;

/** What a reader does with a record that breaks the file's format. */
public enum BadRecordPolicy {
    /** Stop with a {@link DataFormatException} (the default). */
    FAIL,
    /** Skip the record and count it in the reader's {@link SkippedRecords}. */
    SKIP
}
