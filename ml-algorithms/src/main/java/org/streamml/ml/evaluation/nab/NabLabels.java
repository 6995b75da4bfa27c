package org.streamml.ml.evaluation.nab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NAB's anomaly windows file ({@code labels/combined_windows.json}): an object from each data file's
 * relative path ({@code realKnownCause/nyc_taxi.csv}) to its list of {@code ["start", "end"]} timestamp
 * pairs.
 */
public final class NabLabels {
    private NabLabels() {
    }

    /**
     * Reads the windows file at {@code path}.
     *
     * @return the windows of every file, keyed by relative path with '/' separators, in file order
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and the entry if it is not a windows file
     */
    public static Map<String, List<NabWindow>> readWindows(Path path) {
        try {
            return parseWindows(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the NAB windows file " + path + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Parses the text of a windows file; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException naming the source and the entry if the text is not a windows file
     */
    public static Map<String, List<NabWindow>> parseWindows(String source, String text) {
        Object root = JsonText.parse(source, text);
        if (!(root instanceof Map<?, ?> files)) {
            throw new IllegalArgumentException(source + ": expected a JSON object from file name to windows");
        }
        Map<String, List<NabWindow>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : files.entrySet()) {
            String file = (String) e.getKey();
            if (!(e.getValue() instanceof List<?> pairs)) {
                throw new IllegalArgumentException(source + ": windows of '" + file + "' must be a JSON array");
            }
            List<NabWindow> windows = new ArrayList<>(pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                windows.add(window(source, file, i, pairs.get(i)));
            }
            out.put(file.replace('\\', '/'), Collections.unmodifiableList(windows));
        }
        return Collections.unmodifiableMap(out);
    }

    private static NabWindow window(String source, String file, int index, Object pair) {
        String where = source + ": window " + (index + 1) + " of '" + file + "'";
        if (!(pair instanceof List<?> limits) || limits.size() != 2 || !(limits.get(0) instanceof String start)
                || !(limits.get(1) instanceof String end)) {
            throw new IllegalArgumentException(where + " must be a pair of timestamp strings [\"start\", \"end\"]");
        }
        try {
            return new NabWindow(NabTimestamps.parseMillis(start), NabTimestamps.parseMillis(end));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
    }
}
