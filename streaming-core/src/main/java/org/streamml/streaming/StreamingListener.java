package org.streamml.streaming;

/**
 * Receives the engine's per-batch metrics. Callbacks run on the scheduler thread between batches, so
 * they must be quick; an exception they throw is ignored after being reported to standard error.
 */
public interface StreamingListener {

    /** A batch is about to be processed. */
    default void onBatchStarted(Time batchTime) {
    }

    /**
     * A batch completed; {@code info} holds its metrics. Called after the batch's output operations and before
     * its checkpoint is taken, so a listener that keeps totals can register itself with
     * {@link StreamingContext#registerCheckpointed} (see {@link Checkpointed#of}) and a restart from that
     * checkpoint resumes its totals with every batch counted once.
     */
    default void onBatchCompleted(BatchInfo info) {
    }

    /** The context stopped; {@code failure} is the error that stopped it, or {@code null}. */
    default void onStopped(Throwable failure) {
    }
}
