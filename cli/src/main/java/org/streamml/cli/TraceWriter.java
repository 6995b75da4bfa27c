package org.streamml.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelJson;
import org.streamml.streaming.io.AtomicFile;

/**
 * Writes the {@code --trace} file, one JSON line per batch ({@code {"batch":i,"records":n,"model":{…}}},
 * DESIGN.md §4), into a temporary file next to the target that {@link #commit()} renames into place, so
 * a failed run leaves no half file.
 *
 * <p>With a checkpoint directory ({@code train --checkpoint DIR}) the lines go instead to
 * {@code DIR/trace.partial.jsonl}, appended as each batch completes, so they survive a killed process;
 * a batch run again after a restart appends its line again, and {@link #commit()} writes the trace from
 * the last line of every batch, in batch order (a torn last line of a killed append is left out), which
 * makes the trace of a resumed run the trace of an unbroken one. The partial file stays in the checkpoint
 * directory, so a finished run started again writes the same trace.
 */
final class TraceWriter implements AutoCloseable {
    private final Path target;
    private final AtomicFile file;
    private final Writer out;
    private final FileChannel partial;
    private final Path partialPath;
    private final StringBuilder line = new StringBuilder(256);

    /** A trace written whole at {@link #commit()}. */
    TraceWriter(Path target) {
        this(target, null);
    }

    /** A trace whose lines survive a killed run in {@code checkpointDir} (or {@code null}: none). */
    TraceWriter(Path target, Path checkpointDir) {
        this.target = target;
        try {
            if (checkpointDir == null) {
                this.file = AtomicFile.create(target);
                this.out = file.writer();
                this.partial = null;
                this.partialPath = null;
            } else {
                Files.createDirectories(checkpointDir);
                this.partialPath = checkpointDir.resolve("trace.partial.jsonl");
                this.partial = FileChannel.open(partialPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                this.file = null;
                this.out = null;
            }
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
            if (partial != null) {
                ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    partial.write(bytes);
                }
            } else {
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and moves the trace into place. */
    void commit() {
        try {
            if (partial == null) {
                file.commit();
                return;
            }
            partial.force(false);
            String all = Files.readString(partialPath, StandardCharsets.UTF_8);
            TreeMap<Long, String> byBatch = new TreeMap<>();
            int start = 0;
            for (int end = all.indexOf('\n'); end >= 0; start = end + 1, end = all.indexOf('\n', start)) {
                String l = all.substring(start, end);
                int comma = l.indexOf(',');
                if (l.startsWith("{\"batch\":") && comma > 9) {
                    byBatch.put(Long.parseLong(l.substring(9, comma)), l);
                }
            }
            AtomicFile.writeText(target, w -> {
                for (String l : byBatch.values()) {
                    w.write(l);
                    w.write('\n');
                }
            });
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException("cannot write the trace file " + target + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Removes the temporary file unless the trace was committed. */
    @Override
    public void close() {
        try {
            if (file != null) {
                file.close();
            }
            if (partial != null) {
                partial.close();
            }
        } catch (IOException e) {
            // the run already failed with a better error; a stray temporary file is all that is left
        }
    }
}
