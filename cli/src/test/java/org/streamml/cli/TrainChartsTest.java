package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainChartsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    private Path input() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            double x = (i % 17) / 17.0;
            csv.append(2 * x + 1).append(',').append(x).append('\n');
        }
        return Files.writeString(dir.resolve("line.csv"), csv);
    }

    @Test
    void shouldWriteChartsOfTheModelAndTheBatchesWhereAsked() throws IOException {
        Path charts = dir.resolve("charts");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", input().toString(), "--batch-size", "20",
                "--charts", charts.toString(), "-q");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("{\"records\":200,\"batches\":10,"), r.out());
        for (String name : new String[] {"model.png", "batches.png"}) {
            byte[] png = Files.readAllBytes(charts.resolve(name));
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 4), name);
        }
    }

    @Test
    void shouldWriteNoChartsUnlessAsked() throws IOException {
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", input().toString(), "-q");
        assertEquals(0, r.status(), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the input file");
        }
    }
}
