package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.modelio.ModelIO;

/**
 * A headerless CSV whose first row is corrupt was taken for a header: predict's output shifted one row
 * against its input. Now the first line is an error naming line 1, and --no-header / --header decide.
 */
class HeaderDetectionTest {
    @TempDir
    Path dir;

    @Test
    void aCorruptFirstRowIsNeverSwallowedAsAHeader() throws Exception {
        Path model = dir.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1, 1}, 0), model);
        Path input = Files.writeString(dir.resolve("x.csv"), "1,abc\n2,3\n4,5\n");

        CliRun auto = CliRun.of("predict", "--model", model.toString(), "--input", input.toString());
        assertEquals(1, auto.status());
        assertTrue(auto.err().contains("x.csv line 1") && auto.err().contains("--no-header"), auto.err());
        assertEquals("", auto.out());

        CliRun data = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--no-header");
        assertEquals(1, data.status());
        assertTrue(data.err().contains("line 1, column 2") && data.err().contains("'abc' is not a number"),
                data.err());

        CliRun header = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--header");
        assertEquals(0, header.status(), header.err());
        assertTrue(header.out().contains("5.0") && header.out().contains("9.0"), header.out());
    }
}
