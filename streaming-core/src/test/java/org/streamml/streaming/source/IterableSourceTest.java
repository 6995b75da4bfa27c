package org.streamml.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.Time;

class IterableSourceTest {
    /** Passes over 0..size-1 that count how many of them were closed. */
    private static final class CountingPasses implements Iterable<Integer> {
        private final int size;
        private int opened;
        private int closed;

        CountingPasses(int size) {
            this.size = size;
        }

        @Override
        public Iterator<Integer> iterator() {
            opened++;
            return new Pass();
        }

        private final class Pass implements Iterator<Integer>, Closeable {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Integer next() {
                return next++;
            }

            @Override
            public void close() {
                closed++;
            }
        }
    }

    @Test
    void shouldTakeAtMostTheBatchSizeAndCountTheOffset() {
        IterableSource<Integer> source = new IterableSource<>(List.of(1, 2, 3, 4, 5), 2);
        assertEquals(List.of(1, 2), source.poll(Time.ofMillis(1000)));
        assertEquals(List.of(3, 4), source.poll(Time.ofMillis(2000)));
        assertEquals(List.of(5), source.poll(Time.ofMillis(3000)));
        assertEquals(SourceOffsets.of(5), source.offsets());
        assertTrue(source.isExhausted());
    }

    @Test
    void shouldCloseThePreviousPassWhenSeekingAndTheLastOneOnClose() {
        CountingPasses passes = new CountingPasses(5);
        IterableSource<Integer> source = new IterableSource<>(passes, 2);
        source.poll(Time.ofMillis(1000));
        source.seek(SourceOffsets.of(3));
        assertEquals(List.of(3, 4), source.poll(Time.ofMillis(2000)));
        assertEquals(2, passes.opened);
        assertEquals(1, passes.closed);
        source.close();
        assertEquals(2, passes.closed);
    }

    @Test
    void shouldRejectAnOffsetPastTheEnd() {
        IterableSource<Integer> source = new IterableSource<>(List.of(1, 2), 1);
        assertEquals("offset 3 is past the end (2 records)",
                assertThrows(IllegalArgumentException.class, () -> source.seek(SourceOffsets.of(3))).getMessage());
    }
}
