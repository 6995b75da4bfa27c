package org.streamml.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that read just enough JSON: the numbers of a line in order, and flat config objects. */
final class JsonNumbers {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final Pattern FIELD = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"[^\"]*\"|[^,}\\s]+)");

    private JsonNumbers() {
    }

    /** Every number of a JSON text in order of appearance, ignoring those inside strings. */
    static List<Double> numbers(String json) {
        String noStrings = json.replaceAll("\"[^\"]*\"", "\"\"");
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(noStrings);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    /** The fields of a flat JSON object as text, strings without their quotes. */
    static Map<String, String> flatObject(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            String v = m.group(2);
            out.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return out;
    }
}
