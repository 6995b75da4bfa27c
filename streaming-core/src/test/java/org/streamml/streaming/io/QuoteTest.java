package org.streamml.streaming.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void shortValuesAreQuotedWhole() {
        assertEquals("'12a4'", Quote.of("12a4"));
        assertEquals("''", Quote.of(""));
        assertEquals("null", Quote.of(null));
    }

    @Test
    void longValuesAreCutWithTheirSize() {
        String big = "a".repeat(10_000_000);
        String quoted = Quote.of(big);
        assertTrue(quoted.length() < 200, quoted);
        assertEquals("'" + "a".repeat(80) + "\u2026' (10000000 chars, first 80 shown)", quoted);
    }

    @Test
    void controlCharactersAndQuotesAreEscaped() {
        assertEquals("'a\\nb\\tc\\u001b[31m\\''", Quote.of("a\nb\tc\u001b[31m'"));
    }

    @Test
    void theLimitCountsSourceCharacters() {
        assertEquals("'ab\u2026' (3 chars, first 2 shown)", Quote.of("abc", 2));
        assertEquals("'abc'", Quote.of("abc", 3));
    }
}
