package org.streamml.viz.web;

/**
 * A small JSON writer for the dashboard's messages: objects, arrays, strings, numbers. Non-finite numbers
 * are written as {@code null} (JSON has no NaN), which the page's charts show as gaps.
 */
final class Json {
    private final StringBuilder sb;
    private boolean first = true;

    Json(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    private Json sep() {
        if (!first) {
            sb.append(',');
        }
        first = false;
        return this;
    }

    Json beginObject() {
        sep();
        sb.append('{');
        first = true;
        return this;
    }

    Json endObject() {
        sb.append('}');
        first = false;
        return this;
    }

    Json beginArray() {
        sep();
        sb.append('[');
        first = true;
        return this;
    }

    Json endArray() {
        sb.append(']');
        first = false;
        return this;
    }

    /** Writes the key of the next value of an object. */
    Json key(String k) {
        sep();
        sb.append(quote(k)).append(':');
        first = true;
        return this;
    }

    Json value(String s) {
        sep();
        sb.append(s == null ? "null" : quote(s));
        return this;
    }

    Json value(long n) {
        sep();
        sb.append(n);
        return this;
    }

    Json value(boolean b) {
        sep();
        sb.append(b);
        return this;
    }

    Json value(double d) {
        sep();
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else if (Math.abs(d) >= 1e6) {
            sb.append(Double.toString(d));
        } else {
            // a float's shortest form: about 7 significant digits, plenty for a chart and half the bytes
            float f = (float) d;
            sb.append(Float.isFinite(f) ? Float.toString(f) : Double.toString(d));
        }
        return this;
    }

    /** Writes {@code d} with every digit a double has (for numbers a reader compares, not plots). */
    Json exact(double d) {
        sep();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        }
        return this;
    }

    /** Writes {@code raw}, already JSON, as the next value. */
    Json raw(String raw) {
        sep();
        sb.append(raw);
        return this;
    }

    /**
     * Writes the values {@code v[i]} for {@code i} in {@code rows} as an array, with every digit (x values:
     * a float's 7 digits cannot tell apart the batch times of one second in epoch milliseconds).
     */
    Json exactValues(double[] v, int[] rows) {
        beginArray();
        for (int r : rows) {
            exact(v[r]);
        }
        return endArray();
    }

    /** Writes the values {@code v[i]} for {@code i} in {@code rows} as an array. */
    Json values(double[] v, int[] rows) {
        beginArray();
        for (int r : rows) {
            value(v[r]);
        }
        return endArray();
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** {@code s} as a JSON string, safe inside HTML too ({@code < > &} escaped). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
