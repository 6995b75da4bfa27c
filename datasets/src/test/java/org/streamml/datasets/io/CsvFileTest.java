package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;

class CsvFileTest {

    private static List<LabeledPoint> readAll(String content, CsvFile.Options options) {
        List<LabeledPoint> out = new ArrayList<>();
        for (LabeledPoint p : new CsvFile(TextInput.ofString("data.csv", content), options)) {
            out.add(p);
        }
        return out;
    }

    private static DataFormatException failure(String content, CsvFile.Options options) {
        return assertThrows(DataFormatException.class, () -> readAll(content, options));
    }

    @Test
    void shouldReadLabelFirstThenFeatures() {
        List<LabeledPoint> points = readAll("1,2.5,-3\n0,1e2,4\n", CsvFile.Options.defaults());
        assertEquals(2, points.size());
        assertEquals(1.0, points.get(0).label());
        assertArrayEquals(new double[] {2.5, -3}, points.get(0).features().toArray());
        assertArrayEquals(new double[] {100, 4}, points.get(1).features().toArray());
    }

    @Test
    void shouldDetectAndSkipHeader() {
        List<LabeledPoint> points = readAll("y,x1,x2\r\n1,2,3\r\n", CsvFile.Options.defaults());
        assertEquals(1, points.size());
        assertArrayEquals(new double[] {2, 3}, points.get(0).features().toArray());
    }

    @Test
    void shouldTakeLabelFromChosenColumn() {
        LabeledPoint p = readAll("1,2,3", CsvFile.Options.defaults().withLabelColumn(2)).get(0);
        assertEquals(3.0, p.label());
        assertArrayEquals(new double[] {1, 2}, p.features().toArray());
    }

    @Test
    void shouldUseEveryColumnAsFeatureInFeaturesOnlyMode() {
        LabeledPoint p = readAll("1,2,3\n", CsvFile.Options.defaults().withFeaturesOnly()).get(0);
        assertEquals(0.0, p.label());
        assertArrayEquals(new double[] {1, 2, 3}, p.features().toArray());
    }

    @Test
    void shouldSplitOnRunsOfBlanksWhenBlankIsADelimiter() {
        List<LabeledPoint> points = readAll("  1  2\t3 \n-0.5, 1 2\n", CsvFile.Options.defaults().withDelimiters(", "));
        assertArrayEquals(new double[] {2, 3}, points.get(0).features().toArray());
        assertEquals(-0.5, points.get(1).label());
    }

    @Test
    void shouldReadQuotedFieldsWithDelimitersAndEscapedQuotesInside() {
        String csv = "\"y\",\"size, in \"\"m\"\"\",x2\n\"1\", \"2.5\" ,3\n";
        List<LabeledPoint> points = readAll(csv, CsvFile.Options.defaults());
        assertEquals(1, points.size());
        assertEquals(1.0, points.get(0).label());
        assertArrayEquals(new double[] {2.5, 3}, points.get(0).features().toArray());
        // the unescaped header name appears in errors
        DataFormatException e = failure(csv + "0,\"x\",4\n", CsvFile.Options.defaults());
        assertEquals("data.csv line 3, column 2 (size, in \"m\"): 'x' is not a number", e.getMessage());
    }

    @Test
    void shouldNameLineAndColumnOfABrokenQuotedField() {
        assertEquals("data.csv line 2, column 3: a quoted field is not closed on its line (a \" without its"
                + " closing \")", failure("1,2,3\n4,5,\"6\n", CsvFile.Options.defaults()).getMessage());
        assertEquals("data.csv line 1, column 2: text after the closing quote of a quoted field (write a quote"
                + " inside one as \"\")", failure("1,\"2\"x,3\n", CsvFile.Options.defaults()).getMessage());
    }

    @Test
    void shouldNameFileLineColumnAndHeaderFieldOfABadNumber() {
        String csv = "y,x1,x2\n1,2,3\n\n0,4,abc\n";
        DataFormatException e = failure(csv, CsvFile.Options.defaults());
        assertEquals("data.csv line 4, column 3 (x2): 'abc' is not a number", e.getMessage());
        assertEquals("data.csv", e.source());
        assertEquals(4, e.line());
        assertEquals(3, e.column());
        assertEquals("x2", e.field());
        assertEquals("'abc' is not a number", e.rule());
    }

    @Test
    void shouldRejectNonFiniteValues() {
        assertEquals("data.csv line 2, column 2: 'NaN' is not finite",
                failure("1,2\n1,NaN\n", CsvFile.Options.defaults()).getMessage());
        assertEquals("data.csv line 1, column 1: '1e999' is not finite",
                failure("1e999,2\n", CsvFile.Options.defaults()).getMessage());
        assertEquals("data.csv line 1, column 2: 'Infinity' is not finite",
                failure("1,Infinity\n", CsvFile.Options.defaults()).getMessage());
    }

    @Test
    void shouldRejectJavaOnlyNumberForms() {
        assertEquals("data.csv line 2, column 2: '2f' is not a number",
                failure("1,2\n1,2f\n", CsvFile.Options.defaults()).getMessage());
    }

    @Test
    void shouldRejectRowWithOtherColumnCountThanFirstDataRow() {
        DataFormatException e = failure("a,b,c\n1,2,3\n1,2\n", CsvFile.Options.defaults());
        assertEquals("data.csv line 3: has 2 columns, expected 3 like the first data row (line 2)", e.getMessage());
        assertEquals(0, e.column());
        assertNull(e.field());
    }

    @Test
    void shouldRejectEmptyField() {
        assertEquals("data.csv line 1, column 2: empty field, expected a number",
                failure("1,,3\n", CsvFile.Options.defaults()).getMessage());
    }

    @Test
    void shouldRejectLabelColumnPastLastColumn() {
        assertEquals("data.csv line 1: label column 4 is past the last column (3)",
                failure("1,2,3\n", CsvFile.Options.defaults().withLabelColumn(3)).getMessage());
    }

    @Test
    void shouldTreatFirstLineAsDataWhenHeaderAbsent() {
        assertEquals("data.csv line 1, column 1: 'y' is not a number",
                failure("y,x\n1,2\n", CsvFile.Options.defaults().withHeader(CsvFile.Header.ABSENT)).getMessage());
    }

    @Test
    void shouldSkipAndCountBadRecordsUnderSkipPolicy() {
        CsvFile file = new CsvFile(TextInput.ofString("data.csv", "1,2\nx,3\n1,2,3\n4,5\n"),
                CsvFile.Options.defaults().withHeader(CsvFile.Header.ABSENT).withPolicy(BadRecordPolicy.SKIP));
        try (RecordReader<LabeledPoint> r = file.open()) {
            List<Double> labels = new ArrayList<>();
            while (r.hasNext()) {
                labels.add(r.next().label());
            }
            assertEquals(List.of(1.0, 4.0), labels);
            assertEquals(2, r.skipped().count());
            assertEquals(2, r.skipped().firstErrors().get(0).line());
            assertEquals(3, r.skipped().firstErrors().get(1).line());
            assertEquals(4, r.lineNumber());
            assertEquals(2, r.recordsRead());
        }
    }

    @Test
    void shouldHandleLastLineWithoutNewlineAndByteOrderMark() {
        List<LabeledPoint> points = readAll("\uFEFFy,x\n1,2\n3,4", CsvFile.Options.defaults());
        assertEquals(2, points.size());
        assertEquals(3.0, points.get(1).label());
    }

    @Test
    void shouldReadLinesLongerThanTheBuffer() {
        StringBuilder sb = new StringBuilder("1");
        for (int i = 0; i < 20_000; i++) {
            sb.append(",0.5");
        }
        sb.append('\n').append(sb).append('\n');
        List<LabeledPoint> points = readAll(sb.toString(), CsvFile.Options.defaults());
        assertEquals(2, points.size());
        assertEquals(20_000, points.get(1).features().size());
    }

    @Test
    void shouldRestartFromTheFirstRecordOnEveryPass() {
        CsvFile file = new CsvFile(TextInput.ofString("d.csv", "1,2\n3,4\n"), CsvFile.Options.defaults());
        RecordReader<LabeledPoint> first = file.open();
        first.next();
        RecordReader<LabeledPoint> second = file.open();
        assertEquals(1.0, second.next().label());
        assertEquals(3.0, first.next().label());
        assertFalse(first.hasNext());
        first.close();
        second.close();
        assertTrue(file.iterator().hasNext());
    }

    @Test
    void shouldRejectDelimiterThatBelongsToNumbers() {
        assertThrows(IllegalArgumentException.class, () -> CsvFile.Options.defaults().withDelimiters("."));
        assertThrows(IllegalArgumentException.class, () -> CsvFile.Options.defaults().withLabelColumn(-2));
    }
}
