package org.streamml.datasets.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * NAB's timestamps, {@code yyyy-MM-dd HH:mm:ss} with an optional fraction of a second (the windows file
 * writes {@code .ffffff}), as milliseconds since the epoch reading the wall-clock time as UTC: the form the
 * NAB scorer ({@code org.streamml.ml.evaluation.nab}) and the anomaly detectors take. NAB's files carry no
 * zone, so UTC only gives every wall-clock time one number; no daylight saving is applied. The calendar
 * (month lengths, leap years, days since the epoch) is {@code java.time}'s; the scan of the fixed-width
 * fields stays a loop over characters, because it runs once per record of a NAB file.
 */
public final class NabTimestamps {
    /** What {@link #parse(char[], int, int)} returns for text that is not a timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private NabTimestamps() {
    }

    /**
     * Parses {@code text} ({@code yyyy-MM-dd HH:mm:ss}, optionally {@code .f} to {@code .fffffffff}; a
     * {@code T} may separate date and time).
     *
     * @return milliseconds since 1970-01-01 00:00:00, the fraction truncated to milliseconds
     * @throws IllegalArgumentException naming the text and the expected form if it is not such a timestamp
     */
    public static long parseMillis(CharSequence text) {
        char[] b = text.toString().toCharArray();
        long millis = parse(b, 0, b.length);
        if (millis == INVALID) {
            throw new IllegalArgumentException("timestamp must look like yyyy-MM-dd HH:mm:ss: "
                    + org.streamml.streaming.io.Quote.of(text));
        }
        return millis;
    }

    /** Formats {@code millis} as {@code yyyy-MM-dd HH:mm:ss} (the fraction dropped). */
    public static String format(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC).format(FORMAT);
    }

    /** The timestamp in {@code b[from, to)} as {@link #parseMillis} reads it, or {@link #INVALID}. */
    static long parse(char[] b, int from, int to) {
        int n = to - from;
        if (n < 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 13] != ':' || b[from + 16] != ':'
                || (b[from + 10] != ' ' && b[from + 10] != 'T')) {
            return INVALID;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        if (n > 19) {
            if (b[from + 19] != '.' || n == 20 || n > 29) {
                return INVALID;
            }
            int scale = 100;
            for (int i = from + 20; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                millis += d * scale;
                scale /= 10;
            }
        }
        long secondOfDay = (hour * 60L + minute) * 60L + second;
        return LocalDate.of(year, month, day).toEpochDay() * MILLIS_PER_DAY + secondOfDay * 1000L + millis;
    }

    private static int digits(char[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
