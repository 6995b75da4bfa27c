package org.streamml.datasets;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A named generator that the {@code streamml dataset} command and the demos know: what it is, the CSV
 * columns it writes (ground truth included) and how to write {@code rows} rows of it from a seed.
 */
public interface Dataset {

    /** A CSV column: its header name and what it holds. */
    record Column(String name, String description) {
    }

    /** The name, e.g. {@code sensors}. */
    String name();

    /** One line saying what the data is. */
    String description();

    /** The CSV columns, in order. */
    List<Column> columns();

    /** The number of rows written when none is asked for. */
    long defaultRows();

    /**
     * Writes a header line and {@code rows} rows generated from {@code seed}; the same seed and row count
     * give byte-identical output. {@code out}: Modified (not closed).
     */
    void writeCsv(long seed, long rows, Writer out) throws IOException;
}
