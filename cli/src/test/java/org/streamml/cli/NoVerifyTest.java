package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.modelio.ModelFormat;
import org.streamml.modelio.ModelIO;

/** A hand-edited model file is refused by its checksum, and loads with {@code --no-verify}. */
class NoVerifyTest {
    @TempDir
    Path dir;

    @Test
    void aHandEditedModelNeedsNoVerify() throws Exception {
        Path model = dir.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1.5, 2.0}, 0.0), model, ModelFormat.JSON);
        Files.writeString(model, Files.readString(model).replace("1.5", "1.75"));
        Path input = Files.writeString(dir.resolve("x.csv"), "x0,x1\n1,1\n");

        CliRun refused = CliRun.of("predict", "--model", model.toString(), "--input", input.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains(model + ": checksum") && refused.err().contains("--no-verify"),
                refused.err());

        CliRun edited = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--no-verify");
        assertEquals(0, edited.status(), edited.err());
        assertTrue(edited.out().contains("3.75"), edited.out());

        CliRun inspect = CliRun.of("model", "inspect", model.toString(), "--no-verify");
        assertEquals(0, inspect.status(), inspect.err());
    }
}
