package org.streamml.modelio.internal;

import java.util.List;
import java.util.Map;

/** A parsed JSON value with the line and column (1-based) where it starts. */
public sealed interface JsonValue {
    /** The line where the value starts, from 1. */
    int line();

    /** The column where the value starts, from 1. */
    int column();

    /** What the value is, for messages: {@code an object}, {@code the string "x"}, {@code the number 1.5}. */
    String describe();

    /** An object; members keep their order, keys are unique. */
    record JsonObject(Map<String, JsonValue> members, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "an object";
        }
    }

    /** An array. */
    record JsonArray(List<JsonValue> elements, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "an array of " + elements.size();
        }
    }

    /** A string, unescaped. */
    record JsonString(String value, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "the string \"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
        }
    }

    /** A number, as its exact text (converted on use, so that integers and doubles both stay exact). */
    record JsonNumber(String text, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "the number " + text;
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(boolean value, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return String.valueOf(value);
        }
    }

    /** {@code null}. */
    record JsonNull(int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "null";
        }
    }
}
