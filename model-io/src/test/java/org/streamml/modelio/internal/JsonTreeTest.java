package org.streamml.modelio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.modelio.internal.JsonValue.JsonArray;
import org.streamml.modelio.internal.JsonValue.JsonNumber;
import org.streamml.modelio.internal.JsonValue.JsonObject;
import org.streamml.modelio.internal.JsonValue.JsonString;

class JsonTreeTest {

    private static String error(String text) {
        return assertThrows(JsonTree.JsonSyntaxException.class, () -> JsonTree.parse(text)).getMessage();
    }

    private static void assertStartsWith(String prefix, String message) {
        assertTrue(message.startsWith(prefix), "expected '" + prefix + "…' but got: " + message);
    }

    @Test
    void shouldParseNestedValuesWithPositionsAndExactNumberText() throws Exception {
        JsonObject o = (JsonObject) JsonTree.parse("{\n  \"a\": [1, -0.0, 2.5E-300],\n  \"b\": \"x\\u00e9\\n\"}");

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
        JsonArray a = (JsonArray) JsonTree.parse(" [true, false, null, {}, []] ");
        assertEquals(List.of(new JsonValue.JsonBoolean(true, 1, 3), new JsonValue.JsonBoolean(false, 1, 9),
                new JsonValue.JsonNull(1, 16), new JsonObject(java.util.Map.of(), 1, 22),
                new JsonArray(List.of(), 1, 26)), a.elements());
    }

    @Test
    void shouldRejectTrailingCommasWithLineAndColumn() {
        assertStartsWith("line 2, column 5: found invalid JSON: ", error("[1,\n  2,]"));
    }

    @Test
    void shouldRejectNaNLeadingZerosAndBareDecimals() {
        assertStartsWith("line 1, column ", error("[NaN]"));
        assertStartsWith("line 1, column ", error("01"));
        assertStartsWith("line 1, column ", error("1.]"));
        assertStartsWith("line 1, column ", error("-.5"));
    }

    @Test
    void shouldRejectDuplicateKeys() {
        String m = error("{\"a\": 1, \"a\": 2}");
        assertStartsWith("line 1, column ", m);
        assertTrue(m.contains("Duplicate field 'a'"), m);
    }

    @Test
    void shouldRejectRawControlCharactersAndBadEscapes() {
        assertStartsWith("line 1, column 4: found invalid JSON: ", error("\"ab\tc\""));
        assertStartsWith("line 1, column ", error("\"a\\x\""));
    }

    @Test
    void shouldRejectTrailingContentAndTruncation() {
        assertEquals("line 1, column 3: found '2' after the JSON value, expected the end of the text", error("1 2"));
        assertEquals("line 1, column 8: found the end of the text, expected the rest of an object (',' or '}')",
                error("{\"a\": 1"));
        assertEquals("line 1, column 1: found the end of the text, expected a JSON value", error(""));
    }

    @Test
    void shouldRejectDeepNesting() {
        String deep = "[".repeat(JsonTree.MAX_DEPTH + 2);
        String m = error(deep);
        assertStartsWith("line 1, column ", m);
        assertTrue(m.contains("nesting depth"), m);
    }
}
