package org.streamml.modelio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.modelio.internal.JsonValue.JsonArray;
import org.streamml.modelio.internal.JsonValue.JsonNumber;
import org.streamml.modelio.internal.JsonValue.JsonObject;
import org.streamml.modelio.internal.JsonValue.JsonString;

class JsonParserTest {

    private static String error(String text) {
        return assertThrows(JsonParser.JsonSyntaxException.class, () -> JsonParser.parse(text)).getMessage();
    }

    @Test
    void shouldParseNestedValuesWithPositionsAndExactNumberText() throws Exception {
        JsonObject o = (JsonObject) JsonParser.parse("{\n  \"a\": [1, -0.0, 2.5E-300],\n  \"b\": \"x\\u00e9\\n\"}");

        JsonArray a = (JsonArray) o.members().get("a");
        assertEquals(List.of("1", "-0.0", "2.5E-300"),
                a.elements().stream().map(v -> ((JsonNumber) v).text()).toList());
        assertEquals(2, a.line());
        assertEquals(8, a.column());
        assertEquals("xé\n", ((JsonString) o.members().get("b")).value());
        assertEquals(List.of("a", "b"), List.copyOf(o.members().keySet()));
    }

    @Test
    void shouldParseLiteralsAndEmptyContainers() throws Exception {
        JsonArray a = (JsonArray) JsonParser.parse(" [true, false, null, {}, []] ");
        assertEquals(List.of(new JsonValue.JsonBoolean(true, 1, 3), new JsonValue.JsonBoolean(false, 1, 9),
                new JsonValue.JsonNull(1, 16), new JsonObject(java.util.Map.of(), 1, 22),
                new JsonArray(List.of(), 1, 26)), a.elements());
    }

    @Test
    void shouldRejectTrailingCommasWithLineAndColumn() {
        assertEquals("line 2, column 5: found ']', expected a JSON value", error("[1,\n  2,]"));
    }

    @Test
    void shouldRejectNaNLeadingZerosAndBareDecimals() {
        assertEquals("line 1, column 2: found 'N', expected a JSON value", error("[NaN]"));
        assertEquals("line 1, column 2: found a leading zero, expected a number without one", error("01"));
        assertEquals("line 1, column 3: found ']', expected a digit after the decimal point", error("1.]"));
        assertEquals("line 1, column 2: found '.', expected a digit", error("-.5"));
    }

    @Test
    void shouldRejectDuplicateKeys() {
        assertEquals("line 1, column 10: found a second member \"a\", expected unique member names",
                error("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void shouldRejectRawControlCharactersAndBadEscapes() {
        assertEquals("line 1, column 4: found the control character U+0009 in a string, expected it escaped",
                error("\"ab\tc\""));
        assertEquals("line 1, column 3: found the escape \\x, expected one of "
                + "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                error("\"a\\x\""));
    }

    @Test
    void shouldRejectTrailingContentAndTruncation() {
        assertEquals("line 1, column 3: found '2' after the JSON value, expected the end of the text", error("1 2"));
        assertEquals("line 1, column 8: found the end of the text, expected ',' or '}'", error("{\"a\": 1"));
        assertEquals("line 1, column 1: found the end of the text, expected a JSON value", error(""));
    }

    @Test
    void shouldRejectDeepNesting() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 2);
        assertEquals("line 1, column 66: found nesting deeper than 64, expected a shallower document", error(deep));
    }
}
