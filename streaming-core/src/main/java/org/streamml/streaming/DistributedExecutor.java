package org.streamml.streaming;

import java.util.List;

/**
 * The capability of an executor whose partitions live in other processes (a cluster's workers): the
 * hooks the engine calls around batches so that kept partitions are released, long lineages are cut and
 * functions that cannot travel are refused before the first batch. The engine looks for this type once,
 * when a context is created; an executor that runs tasks in this process ({@link LocalExecutor}) does not
 * implement it and needs none of these hooks.
 *
 * <pre>{@code
 * executor.enterBatch(time);                 // partitions computed from now on belong to batch `time`
 * ... run the batch's output operations ...
 * executor.releaseBatchesUpTo(oldest);       // no stream remembers batches at or before `oldest`
 * }</pre>
 */
public interface DistributedExecutor extends BatchExecutor {

    /**
     * A partition computed by {@link #computePartitions} and kept where it was computed: an immutable list
     * whose size is known without reading its records. Batches hold it as it is.
     */
    interface KeptPartition {
    }

    /**
     * The tasks completed so far at each place this executor runs tasks (a cluster's workers, in the order
     * they joined), for per-batch metrics ({@link BatchInfo#places()}).
     */
    List<TaskPlace> taskPlaces();

    /**
     * Makes the driver hold a copy of {@code partitions} and returns partitions with the same records whose
     * recomputation starts from that copy: long chains of partitions computed from earlier ones (the state
     * of {@code updateStateByKey}) stay bounded.
     */
    <T> List<List<T>> checkpoint(List<List<T>> partitions);

    /**
     * Called by the engine before it computes batch {@code time}: partitions computed from now on belong to
     * that batch (see {@link #releaseBatchesUpTo}).
     */
    void enterBatch(Time time);

    /**
     * Called by the engine once no stream remembers the batches at or before {@code time}: the executor may
     * drop the partitions it keeps for them. Dropping is always safe: a partition needed again is
     * recomputed from its lineage.
     */
    void releaseBatchesUpTo(Time time);

    /** Must check: a distributed executor always ships its tasks' functions. */
    @Override
    void checkShippable(String operation, Object function);
}
