package org.streamml.modelio.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.JsonIn;
import org.streamml.modelio.internal.JsonValue.JsonArray;
import org.streamml.modelio.internal.JsonValue.JsonNull;
import org.streamml.modelio.internal.JsonValue.JsonObject;

/** {@link JsonIn} over one parsed JSON object at a field path, remembering which members were read. */
final class JsonForm implements JsonIn {
    private final JsonFields f;
    private final JsonObject o;
    private final String field;
    private final Set<String> read = new HashSet<>();

    JsonForm(JsonFields f, JsonObject o, String field) {
        this.f = f;
        this.o = o;
        this.field = field;
        read.add("type");
    }

    private JsonValue member(String name) throws ModelFormatException {
        read.add(name);
        return f.member(o, field, name);
    }

    private String path(String name) {
        return field + "." + name;
    }

    @Override
    public double number(String name) throws ModelFormatException {
        return f.finite(member(name), path(name));
    }

    @Override
    public boolean isNull(String name) throws ModelFormatException {
        return member(name) instanceof JsonNull;
    }

    @Override
    public double[] numbers(String name) throws ModelFormatException {
        return f.doubles(member(name), path(name), -1, "");
    }

    @Override
    public double[] numbers(String name, int length, String lengthRule) throws ModelFormatException {
        return f.doubles(member(name), path(name), length, lengthRule);
    }

    @Override
    public double[][] matrix(String name, String rowName) throws ModelFormatException {
        JsonArray a = f.array(member(name), path(name));
        List<JsonValue> rows = a.elements();
        if (rows.isEmpty()) {
            throw f.error(a, path(name), "no " + rowName, "at least one " + rowName);
        }
        double[][] out = new double[rows.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = f.doubles(rows.get(j), path(name) + "[" + j + "]", j == 0 ? -1 : out[0].length,
                    "the dimension of " + rowName + " 0");
        }
        return out;
    }

    @Override
    public ModelFormatException error(String name, int index, String found, String expected) {
        JsonValue at = o.members().get(name);
        if (at == null) {
            return f.error(o, field, found, expected);
        }
        if (index >= 0 && at instanceof JsonArray a && index < a.elements().size()) {
            return f.error(a.elements().get(index), path(name) + "[" + index + "]", found, expected);
        }
        return f.error(at, path(name), found, expected);
    }

    /** Rejects the members that the codec did not read. */
    void checkNoOtherMembers() throws ModelFormatException {
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!read.contains(e.getKey())) {
                throw f.error(e.getValue(), field, "an unknown member \"" + e.getKey() + "\"",
                        "only the members " + new TreeSet<>(read));
            }
        }
    }
}
