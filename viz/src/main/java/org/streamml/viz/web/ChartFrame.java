package org.streamml.viz.web;

import java.util.Objects;

/**
 * The latest rendered frame of one chart, as the dashboard serves it.
 *
 * @param name the chart's name
 * @param title the chart's title
 * @param version the chart's version when it was rendered
 * @param png the PNG image (not modified; the frame keeps the array)
 */
record ChartFrame(String name, String title, long version, byte[] png) {

    ChartFrame {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(png, "png");
    }

    /** The server-sent event announcing this frame. */
    String event() {
        return "event: frame\ndata: {\"name\":" + quote(name) + ",\"title\":" + quote(title) + ",\"version\":" + version
                + "}\n\n";
    }

    /** {@code s} as a JSON string. */
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
