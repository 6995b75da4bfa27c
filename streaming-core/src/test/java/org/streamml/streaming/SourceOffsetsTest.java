package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {
    private static final SourceOffsets TWO = SourceOffsets.of(Map.of("orders-1", 5L, "orders-0", 17L));

    @Test
    void shouldKeepOnePositionPerPartitionInNameOrder() {
        assertEquals(List.of("orders-0", "orders-1"), new ArrayList<>(TWO.partitions()));
        assertEquals(17, TWO.position("orders-0"));
        assertEquals(5, TWO.position("orders-1"));
        assertEquals(2, TWO.numPartitions());
        assertEquals("{orders-0=17, orders-1=5}", TWO.toString());
    }

    @Test
    void shouldGiveSingleSourcesOnePartitionNamedZero() {
        SourceOffsets one = SourceOffsets.of(42);
        assertEquals("{0=42}", one.toString());
        assertEquals(42, one.singlePosition());
        assertEquals(SourceOffsets.of(0), SourceOffsets.start());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TWO::singlePosition);
        assertEquals("expected the offsets of a single-partition source ({0=position}): {orders-0=17, orders-1=5}",
                e.getMessage());
    }

    @Test
    void shouldReadBackWhatItPrints() {
        assertEquals(TWO, SourceOffsets.parse(TWO.toString()));
        assertEquals(SourceOffsets.of(7), SourceOffsets.parse("{0=7}"));
        assertEquals("expected partition=position in offsets {a}: a",
                assertThrows(IllegalArgumentException.class, () -> SourceOffsets.parse("{a}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceOffsets.parse("0=7"));
        assertThrows(IllegalArgumentException.class, () -> SourceOffsets.parse("{0=x}"));
        assertThrows(IllegalArgumentException.class, () -> SourceOffsets.parse("{0=1, 0=2}"));
    }

    @Test
    void shouldRejectNegativePositionsBadNamesAndNoPartitions() {
        assertEquals("position of partition 0 must be >= 0: -1",
                assertThrows(IllegalArgumentException.class, () -> SourceOffsets.of(-1)).getMessage());
        assertEquals("a partition name must match [A-Za-z0-9._-]+: 'a b'",
                assertThrows(IllegalArgumentException.class, () -> TWO.with("a b", 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceOffsets.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> TWO.position("orders-2"));
    }

    @Test
    void shouldOrderPartitionByPartitionExtendingThePerPartitionOrder() {
        SourceOffsets later = TWO.with("orders-1", 250);
        assertTrue(later.isAtOrAfter(TWO));
        assertFalse(TWO.isAtOrAfter(later));
        assertTrue(later.compareTo(TWO) > 0);
        assertTrue(TWO.compareTo(later) < 0);
        assertEquals(0, TWO.compareTo(SourceOffsets.parse("{orders-0=17, orders-1=5}")));
        SourceOffsets crossed = SourceOffsets.of(Map.of("orders-0", 16L, "orders-1", 300L));
        assertFalse(crossed.isAtOrAfter(TWO));
        assertFalse(TWO.isAtOrAfter(crossed));
        assertTrue(crossed.compareTo(TWO) < 0, "the first partition decides");
        SourceOffsets grown = TWO.with("orders-2", 0);
        assertTrue(grown.isAtOrAfter(TWO));
        assertTrue(grown.compareTo(TWO) > 0, "a new partition counts as after");
        assertEquals(245, later.recordsSince(TWO));
        assertEquals(0, grown.recordsSince(TWO));
        assertThrows(IllegalArgumentException.class, () -> TWO.recordsSince(later));
    }

    @Test
    void shouldDescribeABatchAsARangeOfOffsets() {
        InputDStream.OffsetRange range = new InputDStream.OffsetRange(TWO, TWO.with("orders-0", 20));
        assertEquals(3, range.records());
        assertThrows(IllegalArgumentException.class, () -> new InputDStream.OffsetRange(range.until(), TWO));
    }
}
