package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.Model;

/**
 * JSON and PMML files carry a checksum of their content: a file changed after StreamML wrote it is refused
 * naming the file (a mutated parameter used to load silently); the unverified read takes hand-edited files;
 * files without a checksum (Spark's PMML, golden files of earlier versions) load as before.
 */
class ModelChecksumTest {
    @TempDir
    Path dir;

    private static final Model LINEAR = new LinearRegressionModel(new double[] {1.25, -2.5, 3.0}, 0.5, 7, 7000, 3.5);
    private static final Model KMEANS = new KMeansModel(new double[][] {{1.0, 2.0}, {3.5, -4.0}}, new double[] {2, 3},
            4, 4000);

    @Test
    void aChangedParameterIsRefusedAndTheUnverifiedReadTakesIt() throws Exception {
        for (Model m : new Model[] {LINEAR, KMEANS}) {
            for (ModelFormat format : new ModelFormat[] {ModelFormat.JSON, ModelFormat.PMML}) {
                Path file = dir.resolve(m.type() + "." + format.extension());
                ModelIO.save(m, file, format);
                assertEquals(m, ModelIO.load(file), file.toString());
                String text = Files.readString(file);
                assertTrue(text.contains("crc32c:"), text);
                // The parameter 3.5 itself, not a "3.5" inside the file's timestamp (12:03:53.5...), which the
                // checksum covers too but which leaves the model as it was.
                String edited = text.replaceFirst("(?<![\\d:.])3\\.5(?!\\d)", "3.6");
                assertTrue(!edited.equals(text));
                Files.writeString(file, edited);
                ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
                assertTrue(e.getMessage().startsWith(file + ": checksum:") && e.getMessage().contains("modified")
                        && e.getMessage().contains("--no-verify"), e.getMessage());
                Model handEdited = ModelIO.loadUnverified(file);
                assertTrue(!handEdited.equals(m), "the edit took effect");
            }
        }
    }

    @Test
    void filesWithoutAChecksumStillLoad() throws Exception {
        Path spark = SparkPmmlTest.resource("spark-pmml/linreg/model.pmml");
        assertTrue(!Files.readString(spark).contains("checksum"));
        ModelIO.load(spark);
        Path golden = SparkPmmlTest.resource("golden/v2/linear-regression.json");
        assertTrue(!Files.readString(golden).contains("checksum"));
        ModelIO.load(golden);
    }

    @Test
    void aDamagedChecksumIsReportedToo() throws Exception {
        Path file = dir.resolve("m.json");
        ModelIO.save(LINEAR, file, ModelFormat.JSON);
        Files.writeString(file, Files.readString(file).replaceFirst("crc32c:[0-9a-f]{8}", "crc32c:zzzzzzzz"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
}
