package org.streamml.streaming.io;

/**
 * The one rule for quoting user data in an error message: a value is cut to a bounded length and its
 * full size is stated, so a 100 MB token gives a short message rather than a 100 MB one.
 *
 * <pre>{@code
 * throw new DataFormatException(file + ":" + line + ":" + column + ": not a number: " + Quote.of(field));
 * // x.csv:3:7: not a number: '12a4'
 * // x.csv:3:7: not a number: 'aaaaaaaa…' (104857600 chars, first 80 shown)
 * }</pre>
 *
 * <p>Control characters (newlines, tabs, escape codes) are shown as {@code \n}, {@code \t} or
 * {@code \\uXXXX}, so a quoted value cannot break a log line or drive a terminal.
 */
public final class Quote {

    /** How many characters of a value a message shows. */
    public static final int LIMIT = 80;

    private Quote() {
    }

    /** {@code value} in single quotes, cut to {@link #LIMIT} characters with its size when longer. */
    public static String of(CharSequence value) {
        return of(value, LIMIT);
    }

    /** {@code value} in single quotes, cut to {@code limit} characters with its size when longer. */
    public static String of(CharSequence value, int limit) {
        if (value == null) {
            return "null";
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        int length = value.length();
        int shown = Math.min(length, limit);
        StringBuilder out = new StringBuilder(shown + 40).append('\'');
        for (int i = 0; i < shown; i++) {
            appendEscaped(out, value.charAt(i));
        }
        out.append('\'');
        if (length > limit) {
            out.setLength(out.length() - 1);
            out.append("\u2026' (").append(length).append(" chars, first ").append(limit).append(" shown)");
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\'' -> out.append("\\'");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
