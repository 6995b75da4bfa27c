package org.streamml.streaming.cluster;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's kept partitions ("blocks"): the results of the tasks the driver asked it to keep, by block
 * id, until the driver releases them. The store holds at most a given number of records (a list's
 * records; a shuffle output's bucket entries); beyond that it evicts the least recently used blocks,
 * which the driver recomputes from their lineage if a task needs them again. Thread-safe.
 */
final class BlockStore {
    private final long capacityRecords;
    private final LinkedHashMap<Long, Entry> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private long records;
    private long evicted;

    private record Entry(List<?> block, long weight) {
    }

    BlockStore(long capacityRecords) {
        if (capacityRecords < 1) {
            throw new IllegalArgumentException("capacityRecords must be >= 1: " + capacityRecords);
        }
        this.capacityRecords = capacityRecords;
    }

    /** Keeps {@code block} under {@code id} (replacing an older block of that id). */
    synchronized void put(long id, List<?> block) {
        Entry old = blocks.remove(id);
        if (old != null) {
            records -= old.weight;
        }
        Entry e = new Entry(block, weight(block));
        blocks.put(id, e);
        records += e.weight;
        Iterator<Map.Entry<Long, Entry>> it = blocks.entrySet().iterator();
        while (records > capacityRecords && it.hasNext()) {
            Map.Entry<Long, Entry> lru = it.next();
            if (lru.getKey() == id) {
                continue;
            }
            records -= lru.getValue().weight;
            it.remove();
            evicted++;
        }
    }

    /** The block {@code id}, or {@code null} if this worker does not have it (never had, released, evicted). */
    synchronized List<?> get(long id) {
        Entry e = blocks.get(id);
        return e == null ? null : e.block;
    }

    /** Drops the given blocks. */
    synchronized void release(long[] ids) {
        for (long id : ids) {
            Entry e = blocks.remove(id);
            if (e != null) {
                records -= e.weight;
            }
        }
    }

    /** The number of blocks held. */
    synchronized int size() {
        return blocks.size();
    }

    /** The records held, as the capacity counts them. */
    synchronized long records() {
        return records;
    }

    /** How many blocks were evicted to stay within the capacity. */
    synchronized long evicted() {
        return evicted;
    }

    /**
     * A block's records: its size, or for a short list of collections (a shuffle map output, one bucket
     * per reducer) the sizes of its elements. Long lists are not walked: they are records.
     */
    private static long weight(List<?> block) {
        if (block.size() > 1024) {
            return block.size();
        }
        long w = 0;
        for (Object o : block) {
            w += o instanceof Collection<?> c ? c.size() : o instanceof Map<?, ?> m ? m.size() : 1;
        }
        return Math.max(1, w);
    }
}
