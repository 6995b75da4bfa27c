package org.streamml.datasets.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The records a reader skipped under {@link BadRecordPolicy#SKIP}: how many, and the errors of the first
 * {@value #KEPT} so the caller can say why. Not thread-safe; read it from the thread that reads records.
 */
public final class SkippedRecords {
    /** How many errors are kept; later ones are only counted. */
    public static final int KEPT = 100;

    private final List<DataFormatException> first = new ArrayList<>();
    private long count;

    void add(DataFormatException e) {
        count++;
        if (first.size() < KEPT) {
            first.add(e);
        }
    }

    /** How many records were skipped. */
    public long count() {
        return count;
    }

    /** The errors of the first {@value #KEPT} skipped records, in file order. */
    public List<DataFormatException> firstErrors() {
        return Collections.unmodifiableList(first);
    }

    @Override
    public String toString() {
        return count == 0 ? "no skipped records"
                : count + " skipped records, first: " + first.get(0).getMessage();
    }
}
