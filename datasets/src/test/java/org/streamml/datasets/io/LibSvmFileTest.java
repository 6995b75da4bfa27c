package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.SparseVector;

class LibSvmFileTest {

    private static List<LabeledPoint> readAll(LibSvmFile file) {
        List<LabeledPoint> out = new ArrayList<>();
        file.forEach(out::add);
        return out;
    }

    private static LibSvmFile file(String content) {
        return new LibSvmFile(TextInput.ofString("data.txt", content), LibSvmFile.Options.defaults());
    }

    private static String failure(String content) {
        return assertThrows(DataFormatException.class, () -> readAll(file(content))).getMessage();
    }

    @Test
    void shouldReadSparseOneBasedIndicesAsZeroBased() {
        List<LabeledPoint> points = readAll(file("1 1:0.5 3:2\n\n# comment\n-1  2:1e-3\t4:7\n"));
        assertEquals(2, points.size());
        SparseVector v = (SparseVector) points.get(0).features();
        assertEquals(4, v.size());
        assertArrayEquals(new int[] {0, 2}, v.indices());
        assertArrayEquals(new double[] {0.5, 2}, v.values());
        assertEquals(-1.0, points.get(1).label());
        assertEquals(7.0, points.get(1).features().get(3));
    }

    @Test
    void shouldTakeDimensionFromLargestIndexUnlessGiven() {
        assertEquals(9, file("0 9:1\n1 2:1\n").dimension());
        LibSvmFile given = new LibSvmFile(TextInput.ofString("d", "0 2:1\n"),
                LibSvmFile.Options.defaults().withDimension(5));
        assertEquals(5, readAll(given).get(0).features().size());
    }

    @Test
    void shouldAcceptRowWithLabelOnly() {
        LabeledPoint p = readAll(file("1 3:1\n0\n")).get(1);
        assertEquals(0, p.features().numActives());
        assertEquals(3, p.features().size());
    }

    @Test
    void shouldNameLineAndFieldOfEveryFormatError() {
        assertEquals("data.txt line 2, column 1: label 'x' is not a finite number", failure("1 1:1\nx 1:1\n"));
        assertEquals("data.txt line 1, column 3: '2' is not index:value", failure("1 1:1 2\n"));
        assertEquals("data.txt line 1, column 2: index '0' is not an integer >= 1", failure("1 0:1\n"));
        assertEquals("data.txt line 1, column 2: index '-1' is not an integer >= 1", failure("1 -1:1\n"));
        assertEquals("data.txt line 1, column 3: index 2 is not greater than the previous index 3"
                + " (indices must be strictly increasing)", failure("1 3:1 2:1\n"));
        assertEquals("data.txt line 1, column 2: value 'abc' of index 1 is not a finite number", failure("1 1:abc\n"));
        assertEquals("data.txt line 1, column 2: value 'NaN' of index 1 is not a finite number", failure("1 1:NaN\n"));
    }

    @Test
    void shouldRejectIndexAboveGivenDimension() {
        LibSvmFile f = new LibSvmFile(TextInput.ofString("d.txt", "1 1:1\n1 6:1\n"),
                LibSvmFile.Options.defaults().withDimension(5));
        assertEquals("d.txt line 2, column 2: index 6 is greater than the dimension 5",
                assertThrows(DataFormatException.class, () -> readAll(f)).getMessage());
    }

    @Test
    void shouldSkipAndCountBadLinesUnderSkipPolicy() {
        LibSvmFile f = new LibSvmFile(TextInput.ofString("d.txt", "1 1:1\n1 1:x\n0 2:1\n"),
                LibSvmFile.Options.defaults().withPolicy(BadRecordPolicy.SKIP));
        try (RecordReader<LabeledPoint> r = f.open()) {
            int n = 0;
            while (r.hasNext()) {
                r.next();
                n++;
            }
            assertEquals(2, n);
            assertEquals(1, r.skipped().count());
            assertEquals(2, r.skipped().firstErrors().get(0).line());
        }
    }
}
