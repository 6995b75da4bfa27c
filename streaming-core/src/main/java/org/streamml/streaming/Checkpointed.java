package org.streamml.streaming;

/**
 * Something outside the stream graph whose state a checkpoint must hold: a streaming learner's model, or a
 * driver-side total that output operations or listeners keep ({@link #of}). It
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

    /**
     * A checkpointed value kept by the program itself, for example totals that a {@code foreachBatch} or a
     * {@link StreamingListener} accumulates on the driver: {@code state} returns a snapshot of them (a value
     * {@link org.streamml.streaming.checkpoint.Values} can write; it is encoded at once, on the scheduler thread,
     * after the batch's outputs and listeners) and {@code restore} puts a snapshot back before a restarted
     * context's first batch.
     *
     * <pre>{@code
     * long[] totals = new long[2];   // records, alerts
     * ssc.registerCheckpointed(Checkpointed.of("alert totals", totals::clone,
     *         s -> System.arraycopy((long[]) s, 0, totals, 0, totals.length)));
     * }</pre>
     *
     * @param kind    what it is, part of the program's fingerprint: a restart whose kinds differ is refused
     * @param state   the current state
     * @param restore puts back a state {@code state} returned
     */
    static Checkpointed of(String kind, java.util.function.Supplier<?> state,
                           java.util.function.Consumer<Object> restore) {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(state, "state");
        java.util.Objects.requireNonNull(restore, "restore");
        return new Checkpointed() {
            @Override
            public String checkpointKind() {
                return kind;
            }

            @Override
            public Object checkpointState() {
                return state.get();
            }

            @Override
            public void restoreCheckpointState(Object s) {
                restore.accept(s);
            }

            @Override
            public String toString() {
                return "Checkpointed " + kind;
            }
        };
    }
}
