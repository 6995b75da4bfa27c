package org.streamml.streaming.cluster;

import java.lang.ref.Cleaner;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReference;
import org.streamml.streaming.DistributedExecutor;

/**
 * The driver's handle on a partition kept on a worker (a block): its size, where it is, and its
 * lineage, the task that computed it. Sent as a task input it travels as a reference and the task runs
 * on the worker holding it; reading its records on the driver fetches them once. If its worker is lost
 * or evicted it, the driver computes it again from its lineage (recursively, down to the source
 * offsets) on another worker. When the driver no longer references the handle, the worker is told to
 * drop the block.
 *
 * @param <T> record type
 */
final class KeptBlock<T> extends AbstractList<T> implements RandomAccess, DistributedExecutor.KeptPartition {
    private static final Cleaner CLEANER = Cleaner.create();

    /** Where a block is: its worker and its id there. */
    record Location(int workerId, long blockId) {
    }

    /** How a block was computed: the encoded function of its job and its task's (driver-side) input. */
    record Lineage(byte[] function, Object input) {
    }

    /** One bucket (one reducer's share) of a kept shuffle map output, sent as a reference to the reducer. */
    record BucketRef(KeptBlock<?> output, int bucket) {
    }

    /** What a handle needs from its executor. */
    interface Owner {
        /** Reads the records of {@code block} from its worker, recomputing it if it is gone. */
        List<?> fetch(KeptBlock<?> block);

        /** Tells the worker of {@code location} that its block is no longer needed. */
        void release(Location location);
    }

    private final Owner owner;
    private final int size;
    private volatile Lineage lineage;
    private final AtomicReference<Location> location;
    private volatile List<T> records;

    KeptBlock(Owner owner, Location location, int size, Lineage lineage) {
        this.owner = owner;
        this.size = size;
        this.lineage = lineage;
        this.location = new AtomicReference<>(location);
        AtomicReference<Location> where = this.location;
        CLEANER.register(this, () -> owner.release(where.get()));
    }

    /** Where the block is now. */
    Location location() {
        return location.get();
    }

    /** Moves the handle to a recomputed copy of the block, if it still points to {@code lost}. */
    boolean relocate(Location lost, Location now) {
        return location.compareAndSet(lost, now);
    }

    /** How to compute the block again. */
    Lineage lineage() {
        return lineage;
    }

    /**
     * Replaces the lineage by {@code checkpoint} (computing the block from data the driver holds), so the
     * earlier blocks it was computed from are no longer needed.
     */
    void truncate(Lineage checkpoint) {
        lineage = checkpoint;
    }

    /** The records if the driver has already read them, else {@code null}. */
    List<T> fetchedRecords() {
        return records;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public T get(int index) {
        return records().get(index);
    }

    /** The records, fetched from the worker the first time. */
    @SuppressWarnings("unchecked")
    List<T> records() {
        List<T> r = records;
        if (r == null) {
            synchronized (this) {
                r = records;
                if (r == null) {
                    r = (List<T>) owner.fetch(this);
                    if (r.size() != size) {
                        throw new IllegalStateException("block " + location() + " has " + r.size()
                                + " records, expected " + size);
                    }
                    records = r;
                }
            }
        }
        return r;
    }
}
