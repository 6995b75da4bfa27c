package org.streamml.datasets;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A {@link Dataset} made of a generator factory and a row formatter.
 *
 * @param <T> record type
 */
final class GeneratorDataset<T> implements Dataset {

    /** Appends one record's fields, comma-separated, without the line end. */
    @FunctionalInterface
    interface RowFormat<T> {
        void append(T record, StringBuilder row);
    }

    /** Makes the generator of a pass: {@code (seed, rows) -> records}. */
    @FunctionalInterface
    interface Factory<T> {
        Iterable<T> create(long seed, long rows);
    }

    private final String name;
    private final String description;
    private final List<Column> columns;
    private final long defaultRows;
    private final Factory<T> factory;
    private final LongFunction<RowFormat<T>> format;

    GeneratorDataset(String name, String description, List<Column> columns, long defaultRows, Factory<T> factory,
                     LongFunction<RowFormat<T>> format) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.columns = List.copyOf(columns);
        this.defaultRows = defaultRows;
        this.factory = factory;
        this.format = format;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public long defaultRows() {
        return defaultRows;
    }

    @Override
    public void writeCsv(long seed, long rows, Writer out) throws IOException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0: " + rows);
        }
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < columns.size(); i++) {
            row.append(i == 0 ? "" : ",").append(columns.get(i).name());
        }
        out.write(row.append('\n').toString());
        RowFormat<T> f = format.apply(seed);
        Iterator<T> it = factory.create(seed, rows).iterator();
        for (long i = 0; i < rows && it.hasNext(); i++) {
            row.setLength(0);
            f.append(it.next(), row);
            out.write(row.append('\n').toString());
        }
    }
}
