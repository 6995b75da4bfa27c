package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;

/**
 * Bad input that used to lose data or the process: a corrupt first row taken for a header, a feature index
 * that allocates gigabytes, a token copied whole into a message.
 */
class InputLimitsTest {

    private static List<LabeledPoint> csv(String content, CsvFile.Options options) {
        List<LabeledPoint> out = new ArrayList<>();
        for (LabeledPoint p : new CsvFile(TextInput.ofString("data.csv", content), options)) {
            out.add(p);
        }
        return out;
    }

    @Test
    void aCorruptFirstRowIsAnErrorNotAHeader() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> csv("1.5,abc,3\n2,4,6\n", CsvFile.Options.defaults()));
        assertTrue(e.getMessage().startsWith("data.csv line 1, column 2"), e.getMessage());
        assertTrue(e.getMessage().contains("mixes names and numbers") && e.getMessage().contains("--no-header"),
                e.getMessage());
    }

    @Test
    void aHeaderOfNamesIsStillSkippedAndTheModeDecidesOtherwise() {
        assertEquals(1, csv("label,x1,x2\n1,2,3\n", CsvFile.Options.defaults()).size());
        assertEquals(2, csv("1,2,3\n4,5,6\n", CsvFile.Options.defaults()).size());
        assertEquals(1, csv("1.5,abc,3\n2,4,6\n", CsvFile.Options.defaults().withHeader(CsvFile.Header.PRESENT)).size());
        DataFormatException e = assertThrows(DataFormatException.class, () -> csv("label,x1\n1,2\n",
                CsvFile.Options.defaults().withHeader(CsvFile.Header.ABSENT)));
        assertTrue(e.getMessage().startsWith("data.csv line 1, column 1"), e.getMessage());
    }

    @Test
    void aHugeLibSvmIndexIsRefusedBeforeAnythingIsAllocated() {
        LibSvmFile f = new LibSvmFile(TextInput.ofString("big.txt", "1 1:1\n0 2000000000:1\n"),
                LibSvmFile.Options.defaults());
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            for (LabeledPoint p : f) {
                assertTrue(p.features().size() < 10);
            }
        });
        assertTrue(e.getMessage().startsWith("big.txt line 2, column 2: index 2000000000 is greater than 16777216"),
                e.getMessage());
    }

    @Test
    void aHugeTokenGivesAShortMessage() {
        String token = "x".repeat(10_000_000);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> csv("label,x1\n1," + token + "\n", CsvFile.Options.defaults()));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " chars");
        assertTrue(e.getMessage().contains("data.csv line 2, column 2") && e.getMessage().contains("10000000 chars"),
                e.getMessage());
    }

    @Test
    void invalidUtf8IsReportedAtItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder text = new StringBuilder("label,x1\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",1\n");
        }
        byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = '7';
        bytes[head.length + 1] = ',';
        bytes[head.length + 2] = (byte) 0xC3;
        bytes[head.length + 3] = '(';
        java.nio.file.Path f = java.nio.file.Files.write(dir.resolve("bad.csv"), bytes);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> csv(f, CsvFile.Options.defaults()));
        assertEquals("bad.csv line 5002: invalid UTF-8 (bytes that are not UTF-8 text)", e.getMessage());
    }

    private static List<LabeledPoint> csv(java.nio.file.Path file, CsvFile.Options options) {
        List<LabeledPoint> out = new ArrayList<>();
        for (LabeledPoint p : new CsvFile(TextInput.of(file), options)) {
            out.add(p);
        }
        return out;
    }
}
