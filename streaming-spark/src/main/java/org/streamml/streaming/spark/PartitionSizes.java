package org.streamml.streaming.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.util.CollectionAccumulator;

/**
 * The record counts of the partitions of one kept RDD, learned without a job of their own: each task that
 * computes a partition adds its count to an accumulator, which Spark merges on the driver when the task
 * succeeds, so once any job has computed the RDD (the next operation's job, which computes and caches it on
 * its way) the driver knows every count. Only a count asked for before any job computed its partition runs
 * one counting job over the RDD. A partition computed again (a block lost with its executor, a retried
 * task) reports the same count again, so later reports simply overwrite earlier ones.
 */
final class PartitionSizes {
    private static final int UNKNOWN = -1;

    private final CollectionAccumulator<Long> computed = new CollectionAccumulator<>();
    private final int[] sizes;
    private RDD<?> rdd;

    /** Counts for {@code partitions} partitions, reported through an accumulator registered with {@code sc}. */
    PartitionSizes(SparkContext sc, int partitions) {
        sc.register(computed);
        sizes = new int[partitions];
        Arrays.fill(sizes, UNKNOWN);
    }

    /** The accumulator tasks report to (serialized into them with their closure). */
    CollectionAccumulator<Long> accumulator() {
        return computed;
    }

    /** Sets the RDD whose partitions these are, counted by a job of its own if a count is asked too early. */
    void of(RDD<?> kept) {
        this.rdd = kept;
    }

    /** What a task adds to {@link #accumulator()} for partition {@code index} of {@code size} records. */
    static long report(int index, int size) {
        return ((long) index << 32) | (size & 0xffffffffL);
    }

    /** The number of records of partition {@code index}: reported by a task, or counted now by one job. */
    synchronized int size(int index) {
        if (sizes[index] == UNKNOWN) {
            learnReported();
        }
        if (sizes[index] == UNKNOWN) {
            List<Integer> counted = rdd.toJavaRDD().mapPartitions(PartitionSizes::count).collect();
            for (int i = 0; i < counted.size(); i++) {
                sizes[i] = counted.get(i);
            }
        }
        return sizes[index];
    }

    /** Records that the driver read partition {@code index} whole and found {@code size} records. */
    synchronized void read(int index, int size) {
        if (sizes[index] == UNKNOWN) {
            learnReported();
        }
        if (sizes[index] != UNKNOWN && sizes[index] != size) {
            throw new IllegalStateException("partition " + index + " of RDD " + rdd.id() + " has " + size
                    + " records, " + sizes[index] + " were computed");
        }
        sizes[index] = size;
    }

    private void learnReported() {
        for (long r : computed.value()) {
            sizes[(int) (r >>> 32)] = (int) r;
        }
    }

    private static Iterator<Integer> count(Iterator<?> records) {
        int n = 0;
        while (records.hasNext()) {
            records.next();
            n++;
        }
        return List.of(n).iterator();
    }
}
