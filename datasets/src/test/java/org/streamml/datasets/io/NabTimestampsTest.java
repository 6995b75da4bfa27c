package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NabTimestampsTest {
    @Test
    void shouldAgreeWithJavaTimeOnRandomDates() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long seconds = (long) (rnd.nextDouble() * 4_000_000_000L) - 1_000_000_000L;
            LocalDateTime dt = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", dt.getYear(), dt.getMonthValue(),
                    dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond());
            assertEquals(seconds * 1000, NabTimestamps.parseMillis(text), text);
            assertEquals(text, NabTimestamps.format(seconds * 1000));
        }
    }

    @Test
    void shouldReadTheFractionOfTheWindowsFile() {
        long whole = NabTimestamps.parseMillis("2013-12-10 06:25:00");
        assertEquals(whole, NabTimestamps.parseMillis("2013-12-10 06:25:00.000000"));
        assertEquals(whole + 250, NabTimestamps.parseMillis("2013-12-10 06:25:00.25"));
        assertEquals(whole, NabTimestamps.parseMillis("2013-12-10T06:25:00"));
    }

    @Test
    void shouldRejectMalformedTimestampsNamingThem() {
        for (String bad : new String[] {"", "2013-12-10", "2013-13-10 06:25:00", "2013-02-29 00:00:00",
            "2013-12-10 24:00:00", "2013-12-10 06:25:0x", "2013/12/10 06:25:00", "2013-12-10 06:25:00."}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NabTimestamps.parseMillis(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void shouldAcceptTheLeapDayOfALeapYear() {
        assertEquals(NabTimestamps.parseMillis("2016-03-01 00:00:00") - 86_400_000L,
                NabTimestamps.parseMillis("2016-02-29 00:00:00"));
    }
}
