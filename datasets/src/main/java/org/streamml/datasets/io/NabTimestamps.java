package org.streamml.datasets.io;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/** Parses NAB timestamps, {@code yyyy-MM-dd HH:mm:ss} with an optional fraction of a second, allocation-light. */
final class NabTimestamps {
    private NabTimestamps() {
    }

    /** The timestamp in {@code b[from, to)}, or {@code null} when it is not in NAB's form or not a real time. */
    static LocalDateTime parse(char[] b, int from, int to) {
        int n = to - from;
        if (n < 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != ' ' || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return null;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        int nanos = 0;
        if (n > 19) {
            int fraction = n - 20;
            if (b[from + 19] != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(b, from + 20, fraction);
            for (int k = fraction; k < 9 && nanos >= 0; k++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The timestamp in {@code s}, or {@code null}. */
    static LocalDateTime parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }

    private static int digits(char[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
