package org.streamml.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelJson;
import org.streamml.streaming.io.AtomicFile;

/**
 * Writes the {@code --trace} file, one JSON line per batch ({@code {"batch":i,"records":n,"model":{…}}},
 * DESIGN.md §4), into a temporary file next to the target that {@link #commit()} renames into place, so
 * a failed run leaves no half file.
 */
final class TraceWriter implements AutoCloseable {
    private final Path target;
    private final AtomicFile file;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    TraceWriter(Path target) {
        this.target = target;
        try {
            this.file = AtomicFile.create(target);
            this.out = file.writer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends the line of batch {@code batch}, which had {@code records} records. */
    void write(long batch, long records, Model model) {
        line.setLength(0);
        line.append("{\"batch\":").append(batch).append(",\"records\":").append(records).append(",\"model\":");
        ModelJson.appendJson(line, model);
        line.append("}\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and moves the trace into place. */
    void commit() {
        try {
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary file unless the trace was committed. */
    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // the run already failed with a better error; a stray temporary file is all that is left
        }
    }
}
