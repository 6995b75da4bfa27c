package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    /** A clock the test moves: nanoseconds. */
    private long now;

    @Test
    void shouldShowPercentBytesRateAndTimeLeft() {
        StringWriter text = new StringWriter();
        ProgressBar bar = ProgressBar.of(true, new PrintWriter(text), "train", 4_000_000, true, "records",
                () -> now);
        now = 2_000_000_000L; // 2 s in: a quarter of the bytes, 20,000 records
        bar.update(1_000_000, 20_000);
        assertEquals("train  25% [#######                     ] 1.0/4.0 MB  10,000 records/s  ETA 0:06",
                bar.line(now));
        assertTrue(text.toString().startsWith("\rtrain  25% ["), text.toString());
        now = 8_000_000_000L;
        bar.update(4_000_000, 80_000);
        bar.close();
        assertTrue(text.toString().endsWith("] 4.0/4.0 MB  10,000 records/s  in 0:08\n"), text.toString());
    }

    @Test
    void shouldShowCountAndRateWithoutATotal() {
        ProgressBar bar = ProgressBar.of(true, new PrintWriter(new StringWriter()), "predict", -1, false, "rows",
                () -> now);
        now = 4_000_000_000L;
        bar.update(1_000, 1_000);
        assertEquals("predict 1,000 rows  250 rows/s", bar.line(now));
    }

    @Test
    void shouldRedrawAtMostFiveTimesASecond() {
        StringWriter text = new StringWriter();
        ProgressBar bar = ProgressBar.of(true, new PrintWriter(text), "dataset", 100, false, "rows", () -> now);
        now = 1_000_000_000L;
        bar.update(1, 1);
        now += 100_000_000L;
        bar.update(2, 2);
        assertEquals(1, text.toString().chars().filter(c -> c == '\r').count(), text.toString());
        now += 100_000_000L;
        bar.update(3, 3);
        assertEquals(2, text.toString().chars().filter(c -> c == '\r').count(), text.toString());
    }

    @Test
    void shouldDrawNothingWhenOff() {
        StringWriter text = new StringWriter();
        ProgressBar bar = ProgressBar.of(false, new PrintWriter(text), "train", 10, false, "records", () -> now);
        bar.update(5, 5);
        bar.close();
        assertFalse(bar.isOn());
        assertEquals("", text.toString());
    }

    @Test
    void shouldFormatDurationsAsAClock() {
        assertEquals("0:07", ProgressBar.clock(7));
        assertEquals("12:30", ProgressBar.clock(750));
        assertEquals("1:02:03", ProgressBar.clock(3723));
    }
}
