package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.evaluation.nab.NabWindow;

class NabFileTest {
    private static final List<NabWindow> WINDOW = List.of(new NabWindow(
            millis(LocalDateTime.of(2014, 1, 1, 0, 5)), millis(LocalDateTime.of(2014, 1, 1, 0, 10))));

    private static long millis(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

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
    void shouldReadAnyHeaderNoHeaderAndQuotedFields() {
        List<NabPoint> named = readAll("time,v\n2014-01-01 00:00:00,1.5\n");
        List<NabPoint> headerless = readAll("2014-01-01 00:00:00,1.5\n2014-01-01 00:05:00,2\n");
        List<NabPoint> quoted = readAll("\"timestamp\",\"value\"\n\"2014-01-01 00:00:00\",\"1.5\"\n");
        assertEquals(List.of(1.5), named.stream().map(NabPoint::value).toList());
        assertEquals(List.of(1.5, 2.0), headerless.stream().map(NabPoint::value).toList());
        assertEquals(named.get(0).timestamp(), quoted.get(0).timestamp());
        assertEquals(List.of(1.5), quoted.stream().map(NabPoint::value).toList());
    }

    @Test
    void shouldNameLineAndFieldOfBadRows() {
        assertEquals("s.csv line 3, column 1 (timestamp): '2014-13-01 00:00:00' is not a timestamp"
                + " yyyy-MM-dd HH:mm:ss", assertThrows(DataFormatException.class, () -> readAll(
                "timestamp,value\n2014-01-01 00:00:00,1\n2014-13-01 00:00:00,1\n")).getMessage());
        assertEquals("s.csv line 2, column 2 (value): 'x' is not a number", assertThrows(DataFormatException.class,
                () -> readAll("timestamp,value\n2014-01-01 00:00:00,x\n")).getMessage());
        assertEquals("s.csv line 2: expected 2 columns (timestamp,value), found 3: '2014-01-01 00:00:00,1,2'",
                assertThrows(DataFormatException.class,
                        () -> readAll("timestamp,value\n2014-01-01 00:00:00,1,2\n")).getMessage());
    }

    @Test
    void shouldKeepRowsWithMissingValuesWhenAsked() {
        String text = "timestamp,value\n2014-01-01 00:00:00,\n2014-01-01 00:01:00,NaN\n2014-01-01 00:02:00,null\n"
                + "2014-01-01 00:03:00,NA\n2014-01-01 00:04:00,inf\n2014-01-01 00:05:00,2.5\n";
        List<NabPoint> points = new ArrayList<>();
        new NabFile(TextInput.ofString("s.csv", text), WINDOW, BadRecordPolicy.FAIL).keepingMissingValues()
                .forEach(points::add);
        assertEquals(6, points.size());
        assertEquals(List.of(true, true, true, true, true, false), points.stream().map(NabPoint::missing).toList());
        assertEquals(2.5, points.get(5).value());
        assertEquals(List.of(0, 0, 0, 0, 0, 1), points.stream().map(NabPoint::label).toList());
    }

    @Test
    void shouldRejectMissingValuesByDefaultAndNonNumbersAlways() {
        assertEquals("s.csv line 2, column 2 (value): '' is not a number", assertThrows(DataFormatException.class,
                () -> readAll("timestamp,value\n2014-01-01 00:00:00,\n")).getMessage());
        assertEquals("s.csv line 2, column 2 (value): 'NaN' is not finite", assertThrows(DataFormatException.class,
                () -> readAll("timestamp,value\n2014-01-01 00:00:00,NaN\n")).getMessage());
        NabFile keeping = new NabFile(TextInput.ofString("s.csv", "timestamp,value\n2014-01-01 00:00:00,12x\n"),
                WINDOW, BadRecordPolicy.FAIL).keepingMissingValues();
        assertEquals("s.csv line 2, column 2 (value): '12x' is not a number",
                assertThrows(DataFormatException.class, () -> keeping.forEach(p -> { })).getMessage());
    }

    @Test
    void shouldReadLabelsAndWindowsJson() {
        NabLabels labels = NabLabels.read(
                TextInput.ofString("l.json", "{\"a/x.csv\": [\"2014-01-01 00:07:00\"], \"a/y.csv\": []}"),
                TextInput.ofString("w.json",
                        "{\"a/x.csv\": [[\"2014-01-01 00:05:00.000000\", \"2014-01-01 00:10:00.000000\"]]}"));
        assertEquals(List.of(millis(LocalDateTime.of(2014, 1, 1, 0, 7))), labels.labels("a/x.csv"));
        assertEquals(WINDOW, labels.windows("a/x.csv"));
        assertTrue(labels.windows("a/y.csv").isEmpty());
        assertTrue(labels.windows("a/x.csv").get(0).contains(millis(LocalDateTime.of(2014, 1, 1, 0, 10))));
        assertFalse(labels.windows("a/x.csv").get(0).contains(millis(LocalDateTime.of(2014, 1, 1, 0, 10, 1))));
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

    @Test
    void shouldKeepEachRowsFieldsAsWrittenBesideTheSamePoints() {
        String content = "timestamp,value\n\"2014-01-01 00:10:00\" , 1.50\n\n2014-01-01 00:00:00,\n";
        NabFile file = new NabFile(TextInput.ofString("s.csv", content), WINDOW, BadRecordPolicy.FAIL)
                .keepingMissingValues();
        List<NabRow> rows = new ArrayList<>();
        file.withText().forEach(rows::add);
        List<NabPoint> points = new ArrayList<>();
        file.forEach(points::add);

        assertEquals(points, rows.stream().map(NabRow::point).toList());
        assertEquals(List.of("\"2014-01-01 00:10:00\"", "2014-01-01 00:00:00"),
                rows.stream().map(NabRow::timestampText).toList());
        assertEquals(List.of("1.50", ""), rows.stream().map(NabRow::valueText).toList());
    }
}
