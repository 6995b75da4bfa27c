package org.streamml.datasets.io;

import java.util.NoSuchElementException;

/**
 * The line loop shared by the readers: skips blank lines, applies the bad-record policy and closes the
 * input at the end. Subclasses parse one line.
 *
 * @param <T> record type
 */
abstract class AbstractRecordReader<T> implements RecordReader<T> {
    private final LineReader lines;
    private final BadRecordPolicy policy;
    private final SkippedRecords skipped = new SkippedRecords();
    private T pending;
    private long pendingLine;
    private long lastLine;
    private long records;
    private boolean closed;

    AbstractRecordReader(TextInput input, BadRecordPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.lines = new LineReader(input.name(), input.openReader());
    }

    /**
     * Parses the current line: the record, or {@code null} when the line holds no record (a header or a
     * comment). Blank lines never reach it.
     *
     * @throws DataFormatException if the line breaks the format
     */
    abstract T parse(LineReader line);

    @Override
    public final boolean hasNext() {
        while (pending == null && !closed) {
            if (!lines.next()) {
                close();
                break;
            }
            if (lines.isBlank()) {
                continue;
            }
            try {
                pending = parse(lines);
                pendingLine = lines.lineNumber();
            } catch (DataFormatException e) {
                if (policy == BadRecordPolicy.FAIL) {
                    close();
                    throw e;
                }
                skipped.add(e);
            }
        }
        return pending != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records after line " + lastLine);
        }
        T out = pending;
        pending = null;
        lastLine = pendingLine;
        records++;
        return out;
    }

    @Override
    public final long lineNumber() {
        return lastLine;
    }

    @Override
    public final long recordsRead() {
        return records;
    }

    @Override
    public final SkippedRecords skipped() {
        return skipped;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            lines.close();
        }
    }
}
