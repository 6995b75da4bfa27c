package org.streamml.modelio.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value into a {@link JsonValue} tree that remembers where each value starts, with
 * jackson-core's streaming parser in its strict RFC 8259 mode: no comments, trailing commas, NaN,
 * leading zeros, unescaped control characters or duplicate keys, nesting at most {@value #MAX_DEPTH}
 * deep, nothing after the value. Errors name the line and column.
 */
public final class JsonTree {
    /** The deepest nesting accepted; model files need 4. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonTree() {
    }

    /** A syntax error at a line and column. */
    public static final class JsonSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        /** An error described by {@code message} (which names the line and column). */
        JsonSyntaxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses {@code text}, which must hold exactly one JSON value (white space around it allowed).
     *
     * @throws JsonSyntaxException naming the line and column of the first error
     */
    public static JsonValue parse(String text) throws JsonSyntaxException {
        JsonParser p;
        try {
            p = FACTORY.createParser(text);
        } catch (IOException e) {
            // a String source has no I/O; jackson declares it anyway
            throw new JsonSyntaxException("cannot read the JSON text: " + e.getMessage(), e);
        }
        try (p) {
            if (p.nextToken() == null) {
                throw new JsonSyntaxException("line 1, column 1: found the end of the text, expected a JSON value",
                        null);
            }
            JsonValue v = value(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new JsonSyntaxException(where(p.currentTokenLocation(), p) + ": found '" + p.getText()
                        + "' after the JSON value, expected the end of the text", null);
            }
            return v;
        } catch (JsonEOFException e) {
            throw new JsonSyntaxException(where(e.getLocation(), p) + ": found the end of the text, expected "
                    + expectation(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new JsonSyntaxException(where(e.getLocation(), p) + ": found invalid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new JsonSyntaxException("cannot read the JSON text: " + e.getMessage(), e);
        }
    }

    private static JsonValue value(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.put(name, value(p));
                }
                return new JsonValue.JsonObject(Collections.unmodifiableMap(members), line, column);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(value(p));
                }
                return new JsonValue.JsonArray(Collections.unmodifiableList(elements), line, column);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(p.getText(), line, column);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(p.getText(), line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new JsonValue.JsonBoolean(t == JsonToken.VALUE_TRUE, line, column);
            case VALUE_NULL:
                return new JsonValue.JsonNull(line, column);
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** {@code line L, column C} of {@code at}, or of the parser's position when the error has none. */
    private static String where(JsonLocation at, JsonParser p) {
        JsonLocation l = at != null && at.getLineNr() > 0 ? at : p.currentLocation();
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** jackson's "Unexpected end-of-input: expected close marker for Object (…)" as "the rest of an object". */
    private static String expectation(String jacksonMessage) {
        String m = jacksonMessage == null ? "" : jacksonMessage;
        if (m.contains("Object")) {
            return "the rest of an object (',' or '}')";
        }
        if (m.contains("Array")) {
            return "the rest of an array (',' or ']')";
        }
        if (m.contains("String") || m.contains("string")) {
            return "the closing '\"' of a string";
        }
        return "the rest of the JSON value";
    }
}
