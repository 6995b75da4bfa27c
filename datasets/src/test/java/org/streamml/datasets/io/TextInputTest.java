package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextInputTest {

    private static String readAll(Reader r, int max) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[3];
        for (int n; out.length() < max && (n = r.read(buf, 0, Math.min(buf.length, max - out.length()))) > 0; ) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    @Test
    void shouldReplayWhatAnEarlierPassOfAStreamReadThenGoOn() throws IOException {
        TextInput in = TextInput.ofStream("standard input",
                new ByteArrayInputStream("1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8)), 100);
        try (Reader first = in.openReader()) {
            assertEquals("1,2\n", readAll(first, 4));
        }
        try (Reader second = in.openReader()) {
            assertEquals("1,2\n3,4\n5,6\n", readAll(second, 1000));
        }
        try (Reader third = in.openReader()) {
            assertEquals("1,2\n3,4\n5,6\n", readAll(third, 1000));
        }
    }

    @Test
    void shouldRefuseAPassAfterMoreThanTheReplayableCharactersWereRead() throws IOException {
        TextInput in = TextInput.ofStream("standard input",
                new ByteArrayInputStream("1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8)), 5);
        try (Reader first = in.openReader()) {
            assertEquals("1,2\n3,4\n5,6\n", readAll(first, 1000));
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, in::openReader);
        assertTrue(e.getMessage().contains("standard input can be read only once and more than its first 5"
                + " characters were read already"), e.getMessage());
    }

    @Test
    void shouldReadAStreamAsCsvRecords() {
        CsvFile csv = new CsvFile(TextInput.ofStream("standard input",
                new ByteArrayInputStream("y,x\n1,2\n0,3\n".getBytes(StandardCharsets.UTF_8)), 1 << 10),
                CsvFile.Options.defaults());
        int n = 0;
        for (var p : csv) {
            n++;
        }
        assertEquals(2, n);
    }
}
