package org.streamml.datasets.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.streamml.datasets.internal.Json;

/**
 * NAB's ground truth: the labelled anomaly timestamps ({@code combined_labels.json}) and the anomaly
 * windows around them ({@code combined_windows.json}), keyed by data file, e.g.
 * {@code realKnownCause/nyc_taxi.csv}. Both files are small and read whole.
 */
public final class NabLabels {
    private final Map<String, List<LocalDateTime>> labels;
    private final Map<String, List<NabWindow>> windows;

    private NabLabels(Map<String, List<LocalDateTime>> labels, Map<String, List<NabWindow>> windows) {
        this.labels = labels;
        this.windows = windows;
    }

    /**
     * Reads the labels file and the windows file.
     *
     * @throws DataFormatException if either is not JSON of NAB's shape or holds a bad timestamp
     */
    public static NabLabels read(TextInput labelsJson, TextInput windowsJson) {
        Map<String, List<LocalDateTime>> labels = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(labelsJson).entrySet()) {
            List<LocalDateTime> times = new ArrayList<>();
            for (Object t : list(labelsJson, e.getKey(), e.getValue())) {
                times.add(timestamp(labelsJson, e.getKey(), t));
            }
            labels.put(e.getKey(), Collections.unmodifiableList(times));
        }
        Map<String, List<NabWindow>> windows = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(windowsJson).entrySet()) {
            List<NabWindow> ws = new ArrayList<>();
            for (Object w : list(windowsJson, e.getKey(), e.getValue())) {
                List<Object> pair = list(windowsJson, e.getKey(), w);
                if (pair.size() != 2) {
                    throw shape(windowsJson, e.getKey(), "a window must be [start, end], found " + pair.size()
                            + " values");
                }
                LocalDateTime start = timestamp(windowsJson, e.getKey(), pair.get(0));
                LocalDateTime end = timestamp(windowsJson, e.getKey(), pair.get(1));
                if (end.isBefore(start)) {
                    throw shape(windowsJson, e.getKey(), "window end " + end + " is before its start " + start);
                }
                ws.add(new NabWindow(start, end));
            }
            windows.put(e.getKey(), Collections.unmodifiableList(ws));
        }
        return new NabLabels(Collections.unmodifiableMap(labels), Collections.unmodifiableMap(windows));
    }

    /** The data files with windows, such as {@code realKnownCause/nyc_taxi.csv}. */
    public Set<String> files() {
        return windows.keySet();
    }

    /** The labelled anomaly timestamps of {@code file}; empty when it has none or is unknown. */
    public List<LocalDateTime> labels(String file) {
        return labels.getOrDefault(file, List.of());
    }

    /** The anomaly windows of {@code file}; empty when it has none or is unknown. */
    public List<NabWindow> windows(String file) {
        return windows.getOrDefault(file, List.of());
    }

    private static Map<String, Object> object(TextInput in) {
        String text;
        try (Reader r = in.openReader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) >= 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
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

    private static LocalDateTime timestamp(TextInput in, String key, Object v) {
        LocalDateTime t = v instanceof String s ? NabTimestamps.parse(s) : null;
        if (t == null) {
            throw shape(in, key, "'" + v + "' is not a timestamp yyyy-MM-dd HH:mm:ss[.ffffff]");
        }
        return t;
    }

    private static DataFormatException shape(TextInput in, String key, String rule) {
        return new DataFormatException(in.name(), 0, 0, key, "entry \"" + key + "\": " + rule);
    }
}
