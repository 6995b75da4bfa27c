package org.streamml.streaming.kafka;

import java.io.Serializable;

/**
 * The records of one topic-partition a batch reads: offsets {@code from} (inclusive) until {@code until}
 * (exclusive), Spark's {@code OffsetRange}. Planned on the driver, read by a task.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param from      the first offset
 * @param until     the offset after the last one, {@code >= from}
 */
public record TopicRange(String topic, int partition, long from, long until) implements Serializable {

    /** Validates the range. */
    public TopicRange {
        if (from < 0 || until < from) {
            throw new IllegalArgumentException("offset range of " + topic + "-" + partition + " must have"
                    + " 0 <= from <= until: [" + from + ", " + until + ")");
        }
    }

    /** The number of offsets in the range (records, unless compaction or transaction markers left gaps). */
    public long size() {
        return until - from;
    }

    /** {@code topic-partition [from, until)}. */
    @Override
    public String toString() {
        return topic + "-" + partition + " [" + from + ", " + until + ")";
    }
}
