package org.streamml.streaming;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A replayable source whose batches are read partition by partition, where the partitions are
 * processed: the driver only plans each batch (which records go to which partition: file byte ranges,
 * generator index ranges) and every partition's {@link PartitionReader} runs as a task. On a cluster the
 * readers run on the workers, so the records are read where they are processed and never pass through
 * the driver (data locality); in local mode they run on the executor's threads. Either way the batch
 * holds the same records in the same partitions.
 *
 * <p>Workers must be able to read what the readers name (the same file path on every machine, for
 * example a shared volume).
 *
 * @param <T> record type
 */
public interface PartitionedSource<T> extends ReplayableSource<T> {

    /**
     * Reads one partition of one planned batch; serializable (with registered types only) because it is
     * sent to the worker that runs it, and deterministic, because a lost partition is read again.
     *
     * @param <T> record type
     */
    @FunctionalInterface
    interface PartitionReader<T> extends Serializable {
        /** The partition's records, in order. */
        List<T> read() throws Exception;
    }

    /**
     * Plans the batch at {@code batchTime} as {@code numPartitions} readers, in partition order, and moves
     * the source's {@link #offsets()} past the batch. Called once per batch time, in increasing order.
     */
    List<PartitionReader<T>> plan(Time batchTime, int numPartitions) throws Exception;

    /** Plans the batch as one partition and reads it here. */
    @Override
    default List<T> poll(Time batchTime) throws Exception {
        List<T> out = new ArrayList<>();
        for (PartitionReader<T> r : plan(batchTime, 1)) {
            out.addAll(r.read());
        }
        return out;
    }
}
