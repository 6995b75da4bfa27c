package org.streamml.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelJson;

/**
 * Writes the {@code --trace} file, one JSON line per batch ({@code {"batch":i,"records":n,"model":{…}}},
 * DESIGN.md §4), into a temporary file next to the target that {@link #commit()} renames into place, so
 * a failed run leaves no half file.
 */
final class TraceWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private boolean committed;

    TraceWriter(Path target) {
        this.target = target.toAbsolutePath();
        try {
            Path dir = this.target.getParent();
            this.temp = Files.createTempFile(dir, "." + this.target.getFileName(), ".tmp");
            this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
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
            out.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary file unless the trace was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the run already failed with a better error; a stray temporary file is all that is left
        }
    }
}
