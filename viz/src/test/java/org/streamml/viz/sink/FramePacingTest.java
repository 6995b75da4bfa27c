package org.streamml.viz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FramePacingTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldPauseLongEnoughToKeepRenderingWithinItsShare() {
        FramePacing pacing = FramePacing.defaults();

        assertEquals(250 * MS, pacing.pauseNanos(MS), "a quick frame waits the minimum interval");
        assertEquals(500 * MS, pacing.pauseNanos(10 * MS), "a 10 ms frame at 2 % waits 500 ms");
        assertEquals(2000 * MS, pacing.pauseNanos(400 * MS), "a very slow frame still updates every 2 s");
        assertEquals(0, FramePacing.unpaced().pauseNanos(400 * MS));
    }

    @Test
    void shouldRejectASharePastOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FramePacing.defaults().withBusyShare(1.5));
        assertEquals("busy share must be in (0, 1]: 1.5", e.getMessage());
        assertEquals(5000, FramePacing.defaults().withMinIntervalMillis(5000).maxPauseMillis());
    }
}
