package org.streamml.streaming;

/**
 * Something outside the stream graph whose state a checkpoint must hold: a streaming learner's model. It
 * registers with {@link StreamingContext#registerCheckpointed} while the context is being set up; every
 * checkpoint then stores {@link #checkpointState()} after the batch it covers, and a restarted context
 * calls {@link #restoreCheckpointState} before its first batch, so each batch's update is applied exactly
 * once across a crash.
 */
public interface Checkpointed {

    /** What this is, for the program's fingerprint and for {@code streamml checkpoint inspect}: {@code StreamingKMeans}. */
    String checkpointKind();

    /**
     * What must not change between a run and its restart (the learner's options); a restart whose
     * fingerprint differs is refused, naming both. Empty by default.
     */
    default String checkpointFingerprint() {
        return "";
    }

    /**
     * The state after the last completed batch, as a value {@link org.streamml.streaming.checkpoint.Values}
     * can write (or {@code null}); called on the scheduler thread between batches.
     */
    Object checkpointState();

    /** Restores a state {@link #checkpointState} returned. */
    void restoreCheckpointState(Object state);
}
