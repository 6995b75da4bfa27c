package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.evaluation.nab.NabSeries;

class NabResultsFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("results.csv"), text);
    }

    @Test
    void shouldReadTimestampsAndScoresByHeaderNameInFileOrder() throws Exception {
        Path f = write("\uFEFFanomaly_score,value,timestamp\n0.25,3,2014-01-01 00:05:00\n\n"
                + "0.5,4,2014-01-01 00:00:00\n");

        NabSeries s = NabResultsFile.read(f, "cat/f.csv");

        assertEquals("cat/f.csv", s.name());
        long t0 = NabTimestamps.parseMillis("2014-01-01 00:00:00");
        assertArrayEquals(new long[] {t0 + 300_000L, t0}, s.timestamps(), "file order, not time order");
        assertArrayEquals(new double[] {0.25, 0.5}, s.scores());
    }

    @Test
    void shouldNameTheLineAndColumnOfABadTimestamp() throws Exception {
        Path f = write("timestamp,anomaly_score\n2014-01-01 00:00:00,0\nyesterday,0\n");

        DataFormatException e = assertThrows(DataFormatException.class, () -> NabResultsFile.read(f, "f"));

        assertEquals(f + " line 3, column 1 (timestamp): 'yesterday' is not a timestamp yyyy-MM-dd HH:mm:ss",
                e.getMessage());
    }

    @Test
    void shouldRejectAScoreThatIsNotFinite() throws Exception {
        Path f = write("timestamp,anomaly_score\n2014-01-01 00:00:00,Infinity\n");

        DataFormatException e = assertThrows(DataFormatException.class, () -> NabResultsFile.read(f, "f"));

        assertEquals(f + " line 2, column 2 (anomaly_score): 'Infinity' is not a finite number", e.getMessage());
    }

    @Test
    void shouldRejectAHeaderWithoutTheScoreColumnAndARowOfAnotherWidth() throws Exception {
        Path noScore = write("timestamp,value\n");
        assertEquals(noScore + " line 1: expected a header with the columns timestamp and anomaly_score, found"
                + " 'timestamp,value'", assertThrows(DataFormatException.class,
                    () -> NabResultsFile.read(noScore, "f")).getMessage());

        Path wide = write("timestamp,anomaly_score\n2014-01-01 00:00:00,0,1\n");
        assertEquals(wide + " line 2: expected 2 columns, found 3: '2014-01-01 00:00:00,0,1'",
                assertThrows(DataFormatException.class, () -> NabResultsFile.read(wide, "f")).getMessage());

        Path empty = write("");
        assertEquals(1, assertThrows(DataFormatException.class, () -> NabResultsFile.read(empty, "f")).line());
    }
}
