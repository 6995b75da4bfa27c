package org.streamml.datasets.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON label files the module ships (objects, arrays, strings, numbers, booleans, null) with
 * jackson-core's streaming parser in its strict mode (no comments, trailing commas, NaN or duplicate
 * keys; nesting at most {@value #MAX_DEPTH} deep). Objects become insertion-ordered {@link Map}s, arrays {@link List}s, numbers {@link Double}s.
 * A syntax error is an {@link IllegalArgumentException} naming the line and column.
 */
public final class Json {
    /** The deepest nesting accepted; label files nest three deep, so deeper input is damage, refused early. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private Json() {
    }

    /** Parses {@code text}, which must hold exactly one JSON value. */
    public static Object parse(String text) {
        JsonParser p;
        try {
            p = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("line 1, column 1: " + e.getMessage(), e);
        }
        try (p) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("line 1, column 1: unexpected end of input");
            }
            Object v = value(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(where(p.currentTokenLocation(), p)
                        + ": unexpected text after the value");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where(e.getLocation(), p) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where(null, p) + ": " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> out = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    out.put(key, value(p));
                }
                return out;
            }
            case START_ARRAY: {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(value(p));
                }
                return out;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Double.valueOf(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException(where(p.currentTokenLocation(), p) + ": unexpected " + t);
        }
    }

    private static String where(JsonLocation at, JsonParser p) {
        JsonLocation l = at != null && at.getLineNr() > 0 ? at : p.currentLocation();
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
