package org.streamml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static String csv(Dataset d, long seed, long rows) throws IOException {
        StringWriter w = new StringWriter();
        d.writeCsv(seed, rows, w);
        return w.toString();
    }

    @Test
    void shouldWriteByteIdenticalCsvForTheSameSeedAndDifferentForAnother() throws IOException {
        for (Dataset d : Datasets.all()) {
            String first = csv(d, 7, 2000);
            assertEquals(first, csv(d, 7, 2000), d.name());
            assertNotEquals(first, csv(d, 8, 2000), d.name());
        }
    }

    @Test
    void shouldWriteHeaderOfDocumentedColumnsAndOneLinePerRow() throws IOException {
        for (Dataset d : Datasets.all()) {
            String[] lines = csv(d, 1, 500).split("\n");
            assertEquals(501, lines.length, d.name());
            String header = String.join(",", d.columns().stream().map(Dataset.Column::name).toList());
            assertEquals(header, lines[0], d.name());
            for (int i = 1; i < lines.length; i++) {
                assertEquals(d.columns().size(), lines[i].split(",", -1).length, d.name() + " line " + (i + 1));
            }
        }
    }

    @Test
    void shouldStartLongerOutputWithTheShorterOne() throws IOException {
        for (Dataset d : Datasets.all()) {
            assertTrue(csv(d, 3, 1000).startsWith(csv(d, 3, 400)), d.name());
        }
    }

    @Test
    void shouldNameKnownDatasetsWhenOneIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.get("tweetz"));
        assertTrue(e.getMessage().startsWith("unknown dataset 'tweetz'; known: linear, logistic"), e.getMessage());
    }
}
