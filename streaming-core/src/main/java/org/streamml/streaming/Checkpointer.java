package org.streamml.streaming;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.streamml.streaming.checkpoint.Checkpoint;
import org.streamml.streaming.checkpoint.CheckpointException;
import org.streamml.streaming.checkpoint.CheckpointStore;
import org.streamml.streaming.checkpoint.Values;

/**
 * Writes a context's checkpoints after batches and restores one before the first batch of a restart.
 * A checkpoint holds, by stable id (a stream's declaration index, a learner's registration index): the
 * offsets of every replayable source, the state of every stateful stream, the batches windows will read
 * back, and every registered {@link Checkpointed}'s state, all as of the end of one batch, so a restart
 * continues with the next batch as if nothing had happened.
 */
final class Checkpointer {
    private final StreamingContext context;
    private final CheckpointStore store;
    private final int every;
    private final Values values;
    private final List<Checkpointed> checkpointed;
    private long sinceLast;
    private long lastWritten = Long.MIN_VALUE;

    Checkpointer(StreamingContext context, CheckpointStore store, int every, Values values,
                 List<Checkpointed> checkpointed) {
        this.context = context;
        this.store = store;
        this.every = every;
        this.values = values;
        this.checkpointed = checkpointed;
    }

    CheckpointStore store() {
        return store;
    }

    /** One line per stream and learner: what a restart must find unchanged. */
    List<String> fingerprint() {
        List<String> lines = new ArrayList<>();
        lines.add("batch interval " + context.batchInterval().toMillis() + " ms");
        for (DStream<?> s : context.graph().streams()) {
            lines.add("stream " + s.id() + " " + s.operation() + " " + s.getClass().getSimpleName()
                    + " slide " + s.slideDuration().toMillis() + " ms, " + s.numPartitions() + " partitions");
        }
        for (int i = 0; i < checkpointed.size(); i++) {
            Checkpointed c = checkpointed.get(i);
            String fp = c.checkpointFingerprint();
            lines.add("learner " + i + " " + c.checkpointKind() + (fp.isEmpty() ? "" : " " + fp));
        }
        return lines;
    }

    /** After batch {@code time} completed: writes a checkpoint every {@code every} batches. */
    void afterBatch(Time time) {
        if (++sinceLast >= every) {
            write(time);
        }
    }

    /** On a graceful stop: writes a checkpoint of the last completed batch unless one exists. */
    void onStop(long lastCompleted) {
        if (lastCompleted != Long.MIN_VALUE && lastCompleted > lastWritten) {
            write(Time.ofMillis(lastCompleted));
        }
    }

    private void write(Time time) {
        Checkpoint c;
        try {
            c = snapshot(time);
        } catch (Values.UnencodableValueException e) {
            throw new StreamingException("cannot checkpoint batch " + time + " to " + store.dir() + ": "
                    + e.getMessage(), e);
        }
        try {
            store.write(c);
        } catch (IOException e) {
            throw new StreamingException("cannot write the checkpoint of batch " + time + " to "
                    + store.fileOf(time.millis()) + ": " + e + "; the previous checkpoint stays valid", e);
        }
        sinceLast = 0;
        lastWritten = time.millis();
        for (InputDStream<?> in : context.graph().inputs()) {
            long consumed = in.loggedIndex();
            if (consumed >= 0) {
                try {
                    in.logCheckpointed(consumed);
                } catch (IOException e) {
                    throw new StreamingException("cannot trim the write-ahead log of " + in.describe() + " after"
                            + " the checkpoint of batch " + time + ": " + e, e);
                }
            }
        }
    }

    Checkpoint snapshot(Time time) {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        DistributedExecutor distributed = context.distributed();
        for (DStream<?> s : context.graph().streams()) {
            if (s instanceof InputDStream<?> in) {
                SourceOffsets at = in.checkpointOffsets();
                if (at != null) {
                    sections.put("source " + s.id(), encode(at.toString(), s));
                }
                long logged = in.loggedIndex();
                if (logged >= 0) {
                    sections.put("wal " + s.id(), encode(logged, s));
                }
            }
            Object state = s.checkpointState();
            if (state != null) {
                sections.put("state " + s.id(), encode(state, s));
            }
            if (s.remembersPastBatches()) {
                sections.put("batches " + s.id(), encode(remembered(s, time, distributed), s));
            }
        }
        for (int i = 0; i < checkpointed.size(); i++) {
            Checkpointed c = checkpointed.get(i);
            try {
                sections.put("learner " + i, bytes(c.checkpointState()));
            } catch (Values.UnencodableValueException e) {
                throw new Values.UnencodableValueException("learner " + i + " (" + c.checkpointKind() + "): "
                        + e.getMessage());
            }
        }
        return new Checkpoint(time.millis(), context.zeroTime().millis(), fingerprint(), sections);
    }

    private static <T> List<List<Object>> remembered(DStream<T> s, Time time, DistributedExecutor distributed) {
        return s.rememberedBatches(time, parts -> distributed == null ? parts : distributed.checkpoint(parts));
    }

    private byte[] encode(Object value, DStream<?> s) {
        try {
            return bytes(value);
        } catch (Values.UnencodableValueException e) {
            throw new Values.UnencodableValueException(s.describe() + ": " + e.getMessage());
        }
    }

    private byte[] bytes(Object value) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            values.write(value, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return buf.toByteArray();
    }

    /**
     * Puts the context back where checkpoint {@code c} left it; sources must be started.
     *
     * @throws CheckpointException if the checkpoint was written by another program or a section does not
     *                             read back
     */
    void restore(Checkpoint c, Consumer<String> warnings) {
        String file = store.fileOf(c.batchTimeMillis()).toString();
        List<String> here = fingerprint();
        List<String> there = c.fingerprint();
        for (int i = 0; i < Math.max(here.size(), there.size()); i++) {
            String a = i < there.size() ? there.get(i) : "(nothing)";
            String b = i < here.size() ? here.get(i) : "(nothing)";
            if (!a.equals(b)) {
                throw new CheckpointException("checkpoint " + file + " was written by another program: it has "
                        + quote(a) + " where this program has " + quote(b) + "; to start fresh, remove "
                        + store.dir() + " or checkpoint to another directory");
            }
        }
        for (DStream<?> s : context.graph().streams()) {
            if (s instanceof InputDStream<?> in) {
                byte[] at = c.sections().get("source " + s.id());
                if (at != null) {
                    in.restoreOffsets(SourceOffsets.parse((String) decode(file, "source " + s.id(), at)));
                }
                byte[] logged = c.sections().get("wal " + s.id());
                if (!in.isReplayable()) {
                    in.openLog(store.dir(), logged == null ? 0 : (Long) decode(file, "wal " + s.id(), logged));
                }
            }
            byte[] state = c.sections().get("state " + s.id());
            if (state != null) {
                s.restoreCheckpointState(decode(file, "state " + s.id(), state));
            }
            byte[] batches = c.sections().get("batches " + s.id());
            if (batches != null) {
                s.restoreRememberedBatches((List<?>) decode(file, "batches " + s.id(), batches));
            }
        }
        for (int i = 0; i < checkpointed.size(); i++) {
            byte[] state = c.sections().get("learner " + i);
            if (state != null) {
                checkpointed.get(i).restoreCheckpointState(decode(file, "learner " + i, state));
            }
        }
        lastWritten = c.batchTimeMillis();
    }

    /** On a start without a checkpoint: logs the sources that cannot replay, replaying what a crash left. */
    void openLogs() {
        for (InputDStream<?> in : context.graph().inputs()) {
            if (!in.isReplayable()) {
                in.openLog(store.dir(), 0);
            }
        }
    }

    private Object decode(String file, String section, byte[] bytes) {
        return values.readSection(file, section, bytes);
    }

    private static String quote(String s) {
        return org.streamml.streaming.io.Quote.of(s, 200);
    }
}
