package org.streamml.datasets.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.streamml.datasets.internal.Json;
import org.streamml.ml.evaluation.nab.NabWindow;
import org.streamml.streaming.io.Quote;

/**
 * NAB's ground truth: the labelled anomaly timestamps ({@code combined_labels.json}) and the anomaly
 * windows around them ({@code combined_windows.json}), keyed by data file, e.g.
 * {@code realKnownCause/nyc_taxi.csv}. Both files are small and read whole. Timestamps are milliseconds
 * since the epoch as {@link NabTimestamps} reads them, and the windows are the NAB scorer's own
 * {@link NabWindow}s, ready for {@code NabScorer}.
 */
public final class NabLabels {
    private final Map<String, List<Long>> labels;
    private final Map<String, List<NabWindow>> windows;

    private NabLabels(Map<String, List<Long>> labels, Map<String, List<NabWindow>> windows) {
        this.labels = labels;
        this.windows = windows;
    }

    /**
     * Reads the labels file and the windows file.
     *
     * @throws DataFormatException if either is not JSON of NAB's shape or holds a bad timestamp
     */
    public static NabLabels read(TextInput labelsJson, TextInput windowsJson) {
        Map<String, List<Long>> labels = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(labelsJson).entrySet()) {
            List<Long> times = new ArrayList<>();
            for (Object t : list(labelsJson, e.getKey(), e.getValue())) {
                times.add(timestamp(labelsJson, e.getKey(), "", t));
            }
            labels.put(e.getKey(), Collections.unmodifiableList(times));
        }
        return new NabLabels(Collections.unmodifiableMap(labels), readWindows(windowsJson));
    }

    /**
     * Reads a windows file alone: each data file's windows, keyed by its relative path with '/' separators,
     * in file order.
     *
     * @throws DataFormatException if it is not JSON of NAB's shape or holds a bad timestamp or a window that
     *         ends before it starts
     */
    public static Map<String, List<NabWindow>> readWindows(TextInput windowsJson) {
        Map<String, List<NabWindow>> windows = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(windowsJson).entrySet()) {
            List<NabWindow> ws = new ArrayList<>();
            List<Object> pairs = list(windowsJson, e.getKey(), e.getValue());
            for (int i = 0; i < pairs.size(); i++) {
                String window = "window " + (i + 1) + ": ";
                List<Object> pair = list(windowsJson, e.getKey(), pairs.get(i));
                if (pair.size() != 2) {
                    throw shape(windowsJson, e.getKey(), window + "must be [start, end], found " + pair.size()
                            + " values");
                }
                long start = timestamp(windowsJson, e.getKey(), window, pair.get(0));
                long end = timestamp(windowsJson, e.getKey(), window, pair.get(1));
                if (end < start) {
                    throw shape(windowsJson, e.getKey(), window + "ends before it starts: "
                            + NabTimestamps.format(start) + " > " + NabTimestamps.format(end));
                }
                ws.add(new NabWindow(start, end));
            }
            windows.put(e.getKey().replace('\\', '/'), Collections.unmodifiableList(ws));
        }
        return Collections.unmodifiableMap(windows);
    }

    /** The anomaly windows of every data file, keyed by relative path, in file order. */
    public Map<String, List<NabWindow>> windows() {
        return windows;
    }

    /** The data files with windows, such as {@code realKnownCause/nyc_taxi.csv}. */
    public Set<String> files() {
        return windows.keySet();
    }

    /** The labelled anomaly timestamps of {@code file}; empty when it has none or is unknown. */
    public List<Long> labels(String file) {
        return labels.getOrDefault(file, List.of());
    }

    /** The anomaly windows of {@code file}; empty when it has none or is unknown. */
    public List<NabWindow> windows(String file) {
        return windows.getOrDefault(file, List.of());
    }

    private static Map<String, Object> object(TextInput in) {
        String text;
        StringBuilder sb = new StringBuilder();
        try (Reader r = in.openReader()) {
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) >= 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            // every character before the bad bytes was read: they lie on the line after the last newline
            long line = 1 + sb.chars().filter(c -> c == '\n').count();
            throw new DataFormatException(in.name(), line, 0, null, "invalid UTF-8 (bytes that are not UTF-8 text)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + in.name() + ": " + e.getMessage(), e);
        }
        Object v;
        try {
            v = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(in.name(), lineOf(e.getMessage()), 0, null, "not valid JSON: "
                    + e.getMessage());
        }
        if (!(v instanceof Map)) {
            throw new DataFormatException(in.name(), 1, 0, null, "expected a JSON object of file names");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    private static long lineOf(String message) {
        int space = message.indexOf(',');
        try {
            return Long.parseLong(message.substring("line ".length(), space));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(TextInput in, String key, Object v) {
        if (!(v instanceof List)) {
            throw shape(in, key, "expected a JSON array, found " + v);
        }
        return (List<Object>) v;
    }

    private static long timestamp(TextInput in, String key, String where, Object v) {
        long t = v instanceof String s ? NabTimestamps.parse(s.toCharArray(), 0, s.length()) : NabTimestamps.INVALID;
        if (t == NabTimestamps.INVALID) {
            throw shape(in, key, where + Quote.of(String.valueOf(v)) + " is not a timestamp yyyy-MM-dd HH:mm:ss[.ffffff]");
        }
        return t;
    }

    private static DataFormatException shape(TextInput in, String key, String rule) {
        return new DataFormatException(in.name(), 0, 0, key, "entry \"" + key + "\": " + rule);
    }
}
