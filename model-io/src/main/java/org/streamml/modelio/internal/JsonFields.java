package org.streamml.modelio.internal;

import java.util.Map;
import java.util.Set;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.internal.JsonValue.JsonArray;
import org.streamml.modelio.internal.JsonValue.JsonNumber;
import org.streamml.modelio.internal.JsonValue.JsonObject;
import org.streamml.modelio.internal.JsonValue.JsonString;

/**
 * Typed access to the members of parsed JSON for one source file: every failure is a
 * {@link ModelFormatException} naming the source, the line and column, the field path, what was found
 * and what was expected.
 */
final class JsonFields {
    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    ModelFormatException error(JsonValue at, String field, String found, String expected) {
        return ModelFormatException.of(source, "line " + at.line() + ", column " + at.column() + ", field " + field,
                found, expected);
    }

    JsonObject object(JsonValue v, String field) throws ModelFormatException {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw error(v, field, v.describe(), "an object");
    }

    /** The member {@code name} of {@code o} (at {@code field}), which must be present. */
    JsonValue member(JsonObject o, String field, String name) throws ModelFormatException {
        JsonValue v = o.members().get(name);
        if (v == null) {
            throw error(o, field, "no member \"" + name + "\"", "a member \"" + name + "\"");
        }
        return v;
    }

    /** Rejects members of {@code o} other than {@code allowed}. */
    void onlyMembers(JsonObject o, String field, Set<String> allowed) throws ModelFormatException {
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), field, "an unknown member \"" + e.getKey() + "\"",
                        "only the members " + allowed);
            }
        }
    }

    String string(JsonValue v, String field) throws ModelFormatException {
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw error(v, field, v.describe(), "a string");
    }

    long integer(JsonValue v, String field, long min) throws ModelFormatException {
        if (v instanceof JsonNumber n) {
            try {
                long x = Long.parseLong(n.text());
                if (x >= min) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // not an integer in range: reported below
            }
        }
        throw error(v, field, v.describe(), "an integer >= " + min);
    }

    double finite(JsonValue v, String field) throws ModelFormatException {
        if (v instanceof JsonNumber n) {
            double x = Double.parseDouble(n.text());
            if (Double.isFinite(x)) {
                return x;
            }
            throw error(v, field, n.text() + " (beyond the range of a double)", "a finite number");
        }
        throw error(v, field, v.describe(), "a number");
    }

    JsonArray array(JsonValue v, String field) throws ModelFormatException {
        if (v instanceof JsonArray a) {
            return a;
        }
        throw error(v, field, v.describe(), "an array");
    }

    /** An array of finite numbers, of length {@code expectedLength} unless that is negative. */
    double[] doubles(JsonValue v, String field, int expectedLength, String lengthRule) throws ModelFormatException {
        JsonArray a = array(v, field);
        int n = a.elements().size();
        if (expectedLength >= 0 && n != expectedLength) {
            throw error(v, field, "an array of " + n + " numbers", expectedLength + " numbers (" + lengthRule + ")");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = finite(a.elements().get(i), field + "[" + i + "]");
        }
        return out;
    }
}
