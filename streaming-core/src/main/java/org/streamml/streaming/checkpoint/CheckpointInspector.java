package org.streamml.streaming.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.streamml.streaming.io.Quote;

/**
 * What a checkpoint directory holds, for a person ({@code streamml checkpoint inspect DIR}): every
 * checkpoint file with its batch time, and for the newest usable one the program's fingerprint and each
 * section (source offsets, write-ahead log positions, operator state, learners' models) decoded and
 * summarised. Every section of every checkpoint is decoded, so a checkpoint that would not restore is
 * reported here first.
 */
public final class CheckpointInspector {
    private CheckpointInspector() {
    }

    /** The report's lines. */
    public static List<String> inspect(Path dir, Values values) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, Integer.MAX_VALUE);
        List<Path> files = store.files();
        List<String> out = new ArrayList<>();
        out.add("directory: " + dir);
        if (files.isEmpty()) {
            out.add("checkpoints: none");
            return out;
        }
        Checkpoint newest = null;
        Path newestFile = null;
        for (Path f : files) {
            try {
                Checkpoint c = CheckpointStore.read(f);
                for (Map.Entry<String, byte[]> e : c.sections().entrySet()) {
                    decode(values, e.getValue(), f, e.getKey());
                }
                out.add("checkpoint: " + f.getFileName() + " (batch " + c.batchTimeMillis() + " ms, "
                        + f.toFile().length() + " bytes): valid");
                newest = c;
                newestFile = f;
            } catch (CheckpointException e) {
                out.add("checkpoint: " + f.getFileName() + ": INVALID: " + e.getMessage());
            }
        }
        if (newest == null) {
            throw new CheckpointException("no usable checkpoint in " + dir + " (" + files.size() + " damaged)");
        }
        out.add("restart from: " + newestFile.getFileName());
        out.add("batch time: " + newest.batchTimeMillis() + " ms (" + Instant.ofEpochMilli(newest.batchTimeMillis())
                + ")");
        out.add("zero time: " + newest.zeroTimeMillis() + " ms");
        out.add("program:");
        for (String line : newest.fingerprint()) {
            out.add("  " + line);
        }
        out.add("sections:");
        for (Map.Entry<String, byte[]> e : newest.sections().entrySet()) {
            Object v = decode(values, e.getValue(), newestFile, e.getKey());
            out.add("  " + e.getKey() + ": " + summary(e.getKey(), v) + " (" + e.getValue().length + " bytes)");
        }
        return out;
    }

    private static Object decode(Values values, byte[] bytes, Path file, String section) {
        return values.readSection(file, section, bytes);
    }

    private static String summary(String id, Object v) {
        if (id.startsWith("source ")) {
            return "offsets " + v;
        }
        if (id.startsWith("wal ")) {
            return v + " records taken through the write-ahead log";
        }
        if (id.startsWith("learner ")) {
            return v == null ? "no model yet" : "model " + Quote.of(String.valueOf(v), 200);
        }
        if (id.startsWith("batches ")) {
            return ((Collection<?>) v).size() + " remembered batches";
        }
        if (v instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof List<?> parts) {
            long keys = 0;
            for (Object p : parts) {
                keys += p instanceof Collection<?> c ? c.size() : 0;
            }
            return keys + " keys in " + parts.size() + " partitions";
        }
        return Quote.of(String.valueOf(v), 200);
    }
}
