package org.streamml.modelio.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259): one value, no comments, no trailing commas, no NaN, no leading zeros,
 * no duplicate keys, no raw control characters in strings, nesting at most {@value #MAX_DEPTH} deep.
 * Errors name the line and column.
 */
public final class JsonParser {
    /** The deepest nesting accepted; model files need 4. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonParser(String text) {
        this.text = text;
    }

    /** A syntax error at a line and column. */
    public static final class JsonSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        /** An error described by {@code message} (which names the line and column). */
        JsonSyntaxException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code text}, which must hold exactly one JSON value (whitespace around it allowed).
     *
     * @throws JsonSyntaxException naming the line and column of the first error
     */
    public static JsonValue parse(String text) throws JsonSyntaxException {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        JsonValue v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("found " + p.describeHere() + " after the JSON value, expected the end of the text");
        }
        return v;
    }

    private JsonValue value(int depth) throws JsonSyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("found nesting deeper than " + MAX_DEPTH + ", expected a shallower document");
        }
        if (pos >= text.length()) {
            throw error("found the end of the text, expected a JSON value");
        }
        int l = line;
        int c = column();
        char ch = text.charAt(pos);
        switch (ch) {
            case '{':
                return object(depth, l, c);
            case '[':
                return array(depth, l, c);
            case '"':
                return new JsonValue.JsonString(string(), l, c);
            case 't':
                literal("true");
                return new JsonValue.JsonBoolean(true, l, c);
            case 'f':
                literal("false");
                return new JsonValue.JsonBoolean(false, l, c);
            case 'n':
                literal("null");
                return new JsonValue.JsonNull(l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    return new JsonValue.JsonNumber(number(), l, c);
                }
                throw error("found " + describeHere() + ", expected a JSON value");
        }
    }

    private JsonValue object(int depth, int l, int c) throws JsonSyntaxException {
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.JsonObject(Collections.unmodifiableMap(members), l, c);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("found " + describeHere() + ", expected a member name in double quotes");
            }
            int keyLine = line;
            int keyColumn = column();
            String key = string();
            if (members.containsKey(key)) {
                throw new JsonSyntaxException("line " + keyLine + ", column " + keyColumn + ": found a second member \""
                        + key + "\", expected unique member names");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return new JsonValue.JsonObject(Collections.unmodifiableMap(members), l, c);
            } else {
                throw error("found " + describeHere() + ", expected ',' or '}'");
            }
        }
    }

    private JsonValue array(int depth, int l, int c) throws JsonSyntaxException {
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.JsonArray(Collections.unmodifiableList(elements), l, c);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return new JsonValue.JsonArray(Collections.unmodifiableList(elements), l, c);
            } else {
                throw error("found " + describeHere() + ", expected ',' or ']'");
            }
        }
    }

    private String string() throws JsonSyntaxException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("found the end of the text, expected the closing '\"' of a string");
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                pos++;
                return sb.toString();
            }
            if (ch < 0x20) {
                throw error("found the control character U+" + String.format("%04X", (int) ch)
                        + " in a string, expected it escaped");
            }
            if (ch == '\\') {
                sb.append(escape());
            } else {
                sb.append(ch);
                pos++;
            }
        }
    }

    private char escape() throws JsonSyntaxException {
        if (pos + 1 >= text.length()) {
            throw error("found the end of the text, expected an escape sequence");
        }
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw error("found the end of the text, expected four hex digits after \\u");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(text.charAt(pos), 16);
                    if (d < 0) {
                        throw error("found '" + text.charAt(pos) + "', expected a hex digit of a \\u escape");
                    }
                    v = v * 16 + d;
                    pos++;
                }
                return (char) v;
            default:
                pos -= 2;
                throw error("found the escape \\" + e + ", expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private String number() throws JsonSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("found a leading zero, expected a number without one");
            }
        } else if (!digits()) {
            throw error("found " + describeHere() + ", expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("found " + describeHere() + ", expected a digit after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("found " + describeHere() + ", expected a digit in the exponent");
            }
        }
        return text.substring(start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(int ch) {
        return ch >= '0' && ch <= '9';
    }

    private void literal(String word) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("found " + describeHere() + ", expected a JSON value");
        }
        pos += word.length();
    }

    private void expect(char ch) throws JsonSyntaxException {
        if (peek() != ch) {
            throw error("found " + describeHere() + ", expected '" + ch + "'");
        }
        pos++;
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (ch != ' ' && ch != '\t' && ch != '\r') {
                return;
            }
            pos++;
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "the end of the text";
        }
        char ch = text.charAt(pos);
        return ch < 0x20 || ch > 0x7e ? String.format("U+%04X", (int) ch) : "'" + ch + "'";
    }

    private JsonSyntaxException error(String what) {
        return new JsonSyntaxException("line " + line + ", column " + column() + ": " + what);
    }
}
