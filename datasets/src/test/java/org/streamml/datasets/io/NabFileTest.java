package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabFileTest {
    private static final List<NabWindow> WINDOW = List.of(new NabWindow(
            LocalDateTime.of(2014, 1, 1, 0, 5), LocalDateTime.of(2014, 1, 1, 0, 10)));

    private static List<NabPoint> readAll(String content) {
        List<NabPoint> out = new ArrayList<>();
        new NabFile(TextInput.ofString("s.csv", content), WINDOW, BadRecordPolicy.FAIL).forEach(out::add);
        return out;
    }

    @Test
    void shouldKeepDuplicateAndBackwardTimestampsInFileOrder() {
        List<NabPoint> points = readAll("timestamp,value\n2014-01-01 00:10:00,1\n2014-01-01 00:10:00,2\n"
                + "2014-01-01 00:00:00,3.5\n2014-01-01 00:05:00,4");
        assertEquals(4, points.size());
        assertEquals(List.of(0L, 1L, 2L, 3L), points.stream().map(NabPoint::index).toList());
        assertEquals(List.of(1.0, 2.0, 3.5, 4.0), points.stream().map(NabPoint::value).toList());
        assertEquals(List.of(1, 1, 0, 1), points.stream().map(NabPoint::label).toList());
    }

    @Test
    void shouldRequireTheNabHeader() {
        assertEquals("s.csv line 1: expected the header 'timestamp,value', found 'time,v'",
                assertThrows(DataFormatException.class, () -> readAll("time,v\n")).getMessage());
    }

    @Test
    void shouldNameLineAndFieldOfBadRows() {
        assertEquals("s.csv line 3, column 1 (timestamp): '2014-13-01 00:00:00' is not a timestamp"
                + " yyyy-MM-dd HH:mm:ss", assertThrows(DataFormatException.class, () -> readAll(
                "timestamp,value\n2014-01-01 00:00:00,1\n2014-13-01 00:00:00,1\n")).getMessage());
        assertEquals("s.csv line 2, column 2 (value): 'x' is not a number", assertThrows(DataFormatException.class,
                () -> readAll("timestamp,value\n2014-01-01 00:00:00,x\n")).getMessage());
        assertEquals("s.csv line 2: has more than 2 columns: '2014-01-01 00:00:00,1,2'",
                assertThrows(DataFormatException.class,
                        () -> readAll("timestamp,value\n2014-01-01 00:00:00,1,2\n")).getMessage());
    }

    @Test
    void shouldReadLabelsAndWindowsJson() {
        NabLabels labels = NabLabels.read(
                TextInput.ofString("l.json", "{\"a/x.csv\": [\"2014-01-01 00:07:00\"], \"a/y.csv\": []}"),
                TextInput.ofString("w.json",
                        "{\"a/x.csv\": [[\"2014-01-01 00:05:00.000000\", \"2014-01-01 00:10:00.000000\"]]}"));
        assertEquals(List.of(LocalDateTime.of(2014, 1, 1, 0, 7)), labels.labels("a/x.csv"));
        assertEquals(WINDOW, labels.windows("a/x.csv"));
        assertTrue(labels.windows("a/y.csv").isEmpty());
        assertTrue(labels.windows("a/x.csv").get(0).contains(LocalDateTime.of(2014, 1, 1, 0, 10)));
        assertFalse(labels.windows("a/x.csv").get(0).contains(LocalDateTime.of(2014, 1, 1, 0, 10, 1)));
    }

    @Test
    void shouldNameLineOfBrokenJson() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> NabLabels.read(
                TextInput.ofString("l.json", "{\n\"a\": [\"2014-01-01 00:00:00\",\n}"), TextInput.ofString("w", "{}")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("l.json line 3: not valid JSON"), e.getMessage());
        DataFormatException bad = assertThrows(DataFormatException.class, () -> NabLabels.read(
                TextInput.ofString("l.json", "{\"a\": [\"yesterday\"]}"), TextInput.ofString("w", "{}")));
        assertEquals("l.json: entry \"a\": 'yesterday' is not a timestamp yyyy-MM-dd HH:mm:ss[.ffffff]",
                bad.getMessage());
    }
}
