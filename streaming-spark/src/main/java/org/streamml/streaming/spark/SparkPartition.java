package org.streamml.streaming.spark;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.apache.spark.rdd.RDD;
import org.streamml.streaming.DistributedExecutor;

/**
 * The driver's handle on a StreamML partition kept in Spark: partition {@code index} of a persisted RDD,
 * whose blocks live in the block managers of the executors that computed them. Passed (alone or anywhere
 * inside a task's input) to a later operation of the {@link SparkExecutor}, it becomes a narrow dependency
 * of that operation's RDD, so the task runs where the block is (Spark's preferred locations) and reads it
 * there, and a lost block is computed again by Spark from its lineage. Reading its records on the driver
 * runs one job for that partition, once. Its size is known once a job has computed it ({@link PartitionSizes}).
 *
 * <p>Handles are not serializable: they exist on the driver only. The RDD they point into stays persisted
 * until its batch is released ({@link SparkExecutor#releaseBatchesUpTo}) and Spark's context cleaner
 * unpersists it once no handle refers to it.
 *
 * @param <T> record type
 */
final class SparkPartition<T> extends AbstractList<T> implements RandomAccess, DistributedExecutor.KeptPartition {
    private final RDD<T> rdd;
    private final int index;
    private final PartitionSizes sizes;
    private volatile List<T> records;

    SparkPartition(RDD<T> rdd, int index, PartitionSizes sizes) {
        this.rdd = rdd;
        this.index = index;
        this.sizes = sizes;
    }

    /** The persisted RDD holding the partition. */
    RDD<T> rdd() {
        return rdd;
    }

    /** The partition's index in {@link #rdd()}. */
    int index() {
        return index;
    }

    @Override
    public int size() {
        List<T> r = records;
        return r != null ? r.size() : sizes.size(index);
    }

    @Override
    public T get(int i) {
        return records().get(i);
    }

    /** The records, read from Spark by one job the first time. */
    List<T> records() {
        List<T> r = records;
        if (r == null) {
            synchronized (this) {
                r = records;
                if (r == null) {
                    List<T>[] parts = rdd.toJavaRDD().collectPartitions(new int[] {index});
                    r = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parts[0]));
                    sizes.read(index, r.size());
                    records = r;
                }
            }
        }
        return r;
    }
}
