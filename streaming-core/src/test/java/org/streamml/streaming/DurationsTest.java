package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void theEngineTakesPositiveWholeMilliseconds() {
        assertEquals(Duration.ofSeconds(2), Durations.requireMillis(Duration.ofSeconds(2), "batch interval"));
        assertEquals("batch interval must be > 0 ms: 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Durations.requireMillis(Duration.ZERO, "batch interval")).getMessage());
        assertEquals("window duration must be > 0 ms: -5",
                assertThrows(IllegalArgumentException.class,
                        () -> Durations.requireMillis(Duration.ofMillis(-5), "window duration")).getMessage());
        assertEquals("slide duration must be a whole number of milliseconds: PT0.0015S",
                assertThrows(IllegalArgumentException.class,
                        () -> Durations.requireMillis(Duration.ofNanos(1_500_000), "slide duration")).getMessage());
    }

    @Test
    void multiplesAndFormat() {
        assertTrue(Durations.isMultipleOf(Duration.ofSeconds(60), Duration.ofSeconds(5)));
        assertFalse(Durations.isMultipleOf(Duration.ofMillis(7500), Duration.ofSeconds(5)));
        assertFalse(Durations.isMultipleOf(Duration.ofSeconds(5), Duration.ZERO));
        assertEquals("60000 ms", Durations.format(Duration.ofMinutes(1)));
    }

    @Test
    void contextsAndWindowsRefuseSubMillisecondDurations() {
        assertThrows(IllegalArgumentException.class, () -> StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofNanos(1_000_500)));
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new ManualClock()))) {
            DStream<Integer> s = ssc.queueStream(new java.util.ArrayDeque<List<Integer>>());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.window(Duration.ofMillis(2000).plusNanos(1), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().startsWith("window duration must be a whole number of milliseconds"),
                    e.getMessage());
        }
    }
}
