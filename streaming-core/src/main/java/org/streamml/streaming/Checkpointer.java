package org.streamml.streaming;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.streamml.streaming.checkpoint.BytesOut;
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
    /** Whether a batch's snapshot has been encoded once (a checkpoint or the trial after the first batch). */
    private boolean encodedOnce;
    /** The fingerprint, computed once: the graph and the learners do not change after the context starts. */
    private List<String> fingerprint;
    /** The newest checkpoints on disk, oldest first: the oldest one sets what the write-ahead logs keep. */
    private final Deque<Checkpoint> kept = new ArrayDeque<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "streamml-checkpoint-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> pending;

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
        if (fingerprint == null) {
            fingerprint = List.copyOf(computeFingerprint());
        }
        return fingerprint;
    }

    private List<String> computeFingerprint() {
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

    /**
     * Before the first batch, after a restore if any: encodes what a checkpoint would hold now (every
     * learner's model, every stateful stream's initial or restored state), so that a type no codec writes
     * fails {@code start()}, naming the operator or learner, instead of the first checkpoint, which may be
     * many batches later. A state type first seen in a batch is caught by the trial encoding after the
     * first batch (see {@link #afterBatch}).
     *
     * @throws StreamingException naming the operator or learner and the class no codec writes
     */
    void checkEncodable(Time time) {
        try {
            snapshot(time);
        } catch (Values.UnencodableValueException e) {
            throw unencodable(time, e);
        }
    }

    /**
     * After batch {@code time} completed: checkpoints every {@code every} batches, writing in the
     * background. After the first batch of a run whose first checkpoint is not due yet, the snapshot is
     * taken once anyway and dropped (a trial), so that a state or window type no codec writes fails the
     * stream at its first batch rather than at its first checkpoint.
     */
    void afterBatch(Time time) {
        if (++sinceLast >= every) {
            write(time, true);
        } else if (!encodedOnce) {
            checkEncodable(time);
            encodedOnce = true;
        }
    }

    private StreamingException unencodable(Time time, Values.UnencodableValueException e) {
        return new StreamingException("cannot checkpoint batch " + time + " to " + store.dir() + ": "
                + e.getMessage(), e);
    }

    /**
     * When the context stops: on a graceful stop writes a checkpoint of the last completed batch unless one
     * exists; in every case waits for the checkpoint being written and stops the writer thread.
     */
    void onStop(long lastCompleted, boolean writeLast) {
        if (writeLast && lastCompleted != Long.MIN_VALUE && lastCompleted > lastWritten) {
            write(Time.ofMillis(lastCompleted), false);
        } else if (writeLast) {
            awaitWritten();
        }
    }

    /**
     * After the scheduler ended, whatever the way: lets a checkpoint still being written finish (its
     * failure is not reported here: a failed stream already has its error) and ends the writer thread.
     */
    void close() {
        Future<?> f = pending;
        pending = null;
        boolean interrupted = false;
        while (f != null) {
            // Uninterruptibly: an abrupt stop interrupts the scheduler, but the write in flight must be
            // complete (or failed) before the context counts as stopped and a restart reads the directory.
            try {
                f.get();
                f = null;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                f = null; // the stream is failing already; the previous checkpoint stays valid
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        writer.shutdown();
    }

    /**
     * Takes the checkpoint of batch {@code time}: the snapshot (every section encoded) is taken now, on the
     * scheduler thread, so it is the state as of the end of this batch; the file is written and forced to
     * the disk by the writer thread while the next batches run (Spark's {@code CheckpointWriter}), so the
     * disk's latency does not stop the stream. At most one write is in flight: the next checkpoint waits
     * for it, and a write that failed fails the stream there, naming the batch; the previous checkpoint
     * stays valid either way. The write-ahead logs start a new segment at the snapshot and drop the
     * segments no kept checkpoint needs once the file is durable.
     */
    private void write(Time time, boolean inBackground) {
        awaitWritten();
        Checkpoint c;
        try {
            c = snapshot(time);
        } catch (Values.UnencodableValueException e) {
            throw unencodable(time, e);
        }
        encodedOnce = true;
        List<InputDStream<?>> logged = new ArrayList<>();
        for (InputDStream<?> in : context.graph().inputs()) {
            if (in.loggedIndex() >= 0) {
                logged.add(in);
                try {
                    in.rollLog();
                } catch (IOException e) {
                    throw new StreamingException("cannot start a new write-ahead log segment of " + in.describe()
                            + " at the checkpoint of batch " + time + ": " + e, e);
                }
            }
        }
        sinceLast = 0;
        lastWritten = time.millis();
        Runnable job = () -> persist(c, time, logged);
        if (inBackground) {
            pending = writer.submit(job);
        } else {
            job.run();
        }
    }

    private void persist(Checkpoint c, Time time, List<InputDStream<?>> logged) {
        try {
            store.write(c);
        } catch (IOException e) {
            throw new StreamingException("cannot write the checkpoint of batch " + time + " to "
                    + store.fileOf(time.millis()) + ": " + e + "; the previous checkpoint stays valid", e);
        }
        kept.addLast(c);
        while (kept.size() > store.keep()) {
            kept.removeFirst();
        }
        for (InputDStream<?> in : logged) {
            byte[] oldest = kept.peekFirst().sections().get("wal " + in.id());
            if (oldest == null) {
                continue;
            }
            try {
                in.trimLog((Long) values.readSection(store.fileOf(time.millis()).toString(), "wal " + in.id(),
                        oldest));
            } catch (IOException e) {
                throw new StreamingException("cannot trim the write-ahead log of " + in.describe() + " after"
                        + " the checkpoint of batch " + time + ": " + e, e);
            }
        }
    }

    /** Waits for the checkpoint being written, if any; rethrows its failure. */
    private void awaitWritten() {
        Future<?> f = pending;
        if (f == null) {
            return;
        }
        try {
            f.get();
            pending = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamingException("interrupted while waiting for a checkpoint to be written", e);
        } catch (ExecutionException e) {
            pending = null;
            Throwable cause = e.getCause();
            throw cause instanceof StreamingException se ? se
                    : new StreamingException("writing a checkpoint failed: " + cause, cause);
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
            } catch (Values.UnencodableValueException | UnsupportedOperationException e) {
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
        BytesOut out = new BytesOut();
        try {
            values.write(value, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Before the sources start: checks that checkpoint {@code c} (or {@code null} on a first start) was
     * written by this program, then opens the write-ahead logs of the sources that cannot replay, queueing
     * what they logged after the checkpoint (or everything a crash before any checkpoint left).
     *
     * @throws CheckpointException if the checkpoint was written by another program or a section does not
     *                             read back
     */
    void beforeStart(Checkpoint c) {
        if (c != null) {
            verify(c);
        }
        String file = c == null ? null : store.fileOf(c.batchTimeMillis()).toString();
        for (InputDStream<?> in : context.graph().inputs()) {
            if (!in.isReplayable()) {
                byte[] logged = c == null ? null : c.sections().get("wal " + in.id());
                in.openLog(store.dir(), logged == null ? 0 : (Long) decode(file, "wal " + in.id(), logged));
            }
        }
    }

    private void verify(Checkpoint c) {
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
    }

    /**
     * Puts the context back where checkpoint {@code c} left it, after {@link #beforeStart}; sources must be
     * started.
     *
     * @throws CheckpointException if a section does not read back
     */
    void restore(Checkpoint c) {
        String file = store.fileOf(c.batchTimeMillis()).toString();
        for (DStream<?> s : context.graph().streams()) {
            if (s instanceof InputDStream<?> in) {
                byte[] at = c.sections().get("source " + s.id());
                if (at != null) {
                    in.restoreOffsets(SourceOffsets.parse((String) decode(file, "source " + s.id(), at)));
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
        kept.addLast(c);
    }

    private Object decode(String file, String section, byte[] bytes) {
        return values.readSection(file, section, bytes);
    }

    private static String quote(String s) {
        return org.streamml.streaming.io.Quote.of(s, 200);
    }
}
