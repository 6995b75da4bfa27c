package org.streamml.streaming;

/**
 * Metrics of one completed batch, given to {@link StreamingListener}s.
 *
 * @param batchTime the batch time
 * @param records records taken from all input streams in this batch
 * @param schedulingDelayMillis how long after its batch time the batch started processing, on the
 *        context's clock (0 under a fast-forward clock)
 * @param processingNanos wall time from the batch's data being ready to its last output operation
 *        completing (Spark's processing time)
 * @param totalDelayMillis scheduling delay plus processing time, in milliseconds
 */
public record BatchInfo(Time batchTime, long records, long schedulingDelayMillis, long processingNanos,
                        long totalDelayMillis) {

    /** The processing time in seconds. */
    public double processingSeconds() {
        return processingNanos / 1e9;
    }
}
