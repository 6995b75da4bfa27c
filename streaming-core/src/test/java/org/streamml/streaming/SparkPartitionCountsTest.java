package org.streamml.streaming;

import org.streamml.streaming.testkit.TestDriver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/** Partition counts that follow Spark Streaming's, where an operation's result is shaped by them. */
class SparkPartitionCountsTest {

    private static <T> Map<Long, List<List<T>>> partitions(DStream<T> stream) {
        Map<Long, List<List<T>>> out = new ConcurrentSkipListMap<>();
        stream.foreachBatch((b, t) -> out.put(t.millis(), new ArrayList<>(b.partitions())));
        return out;
    }

    @Test
    void shouldGiveADrainedQueueBatchOneEmptyPartitionLikeSparksDefaultRdd() throws Exception {
        try (TestDriver h = new TestDriver(4)) {
            DStream<Integer> in = h.input(List.of(List.of(1, 2, 3, 4, 5)));
            Map<Long, List<List<Integer>>> batches = partitions(in);
            h.run(2);
            assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4, 5)), batches.get(1000L));
            assertEquals(List.of(List.of()), batches.get(2000L));
        }
    }

    @Test
    void shouldCountIntoTheDefaultPartitionCountWithTheCountInPartitionZero() throws Exception {
        try (TestDriver h = new TestDriver(3)) {
            DStream<Integer> in = h.input(List.of(List.of(7, 8, 9, 10, 11)));
            DStream<Long> count = in.repartition(5).count();
            Map<Long, List<List<Long>>> batches = partitions(count);
            h.run(2);
            // Spark: a reduceByKey of (null, 1) pairs with the default parallelism; the null key hashes to 0
            assertEquals(3, count.numPartitions());
            assertEquals(Map.of(1000L, List.of(List.of(5L), List.of(), List.of()),
                    2000L, List.of(List.of(0L), List.of(), List.of())), batches);
        }
    }
}
