package org.streamml.streaming;

import java.util.List;

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
 * @param places where the batch's partition tasks ran (on a cluster, one entry per worker, in the order
 *        they joined) with the tasks completed there during the batch and their time; empty when the
 *        executor does not report it (local threads)
 */
public record BatchInfo(Time batchTime, long records, long schedulingDelayMillis, long processingNanos,
                        long totalDelayMillis, List<BatchExecutor.TaskPlace> places) {

    /** Validates and copies. */
    public BatchInfo {
        places = List.copyOf(places);
    }

    /** Metrics without per-place task times. */
    public BatchInfo(Time batchTime, long records, long schedulingDelayMillis, long processingNanos,
                     long totalDelayMillis) {
        this(batchTime, records, schedulingDelayMillis, processingNanos, totalDelayMillis, List.of());
    }

    /** The processing time in seconds. */
    public double processingSeconds() {
        return processingNanos / 1e9;
    }
}
