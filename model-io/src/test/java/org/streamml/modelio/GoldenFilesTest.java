package org.streamml.modelio;

import org.streamml.modelio.internal.Checksums;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/**
 * Model files written by earlier versions still load, to exactly the models they hold, and this version
 * writes its own format version byte for byte. The instanceof below picks the accessor of the test's
 * two model types; it is not a dispatch of production code.
 */
class GoldenFilesTest {

    @Test
    void everyVersionOneGoldenFileShouldLoadToItsModelOptionsAndProvenance() throws IOException {
        for (Map.Entry<String, ModelFile> e : GoldenFiles.all().entrySet()) {
            for (ModelFormat format : ModelFormat.values()) {
                Path file = SparkPmmlTest.resource("golden/v1/" + e.getKey() + "." + format.extension());

                ModelFile loaded = ModelIO.read(file);

                assertEquals(e.getValue(), loaded, file.toString());
                assertEquals(format, ModelIO.detectFormat(file), file.toString());
            }
        }
    }

    @Test
    void aVersionOneLinearModelShouldLoadWithEffectiveCountZeroAsTheOldLearnerStartedFromIt() throws IOException {
        for (String type : new String[] {"linear-regression", "logistic-regression"}) {
            for (ModelFormat format : ModelFormat.values()) {
                Path file = SparkPmmlTest.resource("golden/v1/" + type + "." + format.extension());

                Model m = ModelIO.load(file);

                double count = m instanceof LinearRegressionModel lin ? lin.effectiveCount()
                        : ((LogisticRegressionModel) m).effectiveCount();
                assertEquals(0.0, count, file.toString());
            }
        }
    }

    @Test
    void everyVersionTwoGoldenFileShouldLoadToItsModelStateOptionsAndProvenance() throws IOException {
        for (Map.Entry<String, ModelFile> e : GoldenFiles.versionTwo().entrySet()) {
            for (ModelFormat format : ModelFormat.values()) {
                Path file = SparkPmmlTest.resource("golden/v2/" + e.getKey() + "." + format.extension());

                ModelFile loaded = ModelIO.read(file);

                assertEquals(e.getValue(), loaded, file.toString());
                assertEquals(format, ModelIO.detectFormat(file), file.toString());
            }
        }
    }

    @Test
    void thisVersionShouldStillWriteVersionTwoFilesByteForByteBesidesTheirChecksum() throws IOException {
        for (Map.Entry<String, ModelFile> e : GoldenFiles.versionTwo().entrySet()) {
            for (ModelFormat format : ModelFormat.values()) {
                Path file = SparkPmmlTest.resource("golden/v2/" + e.getKey() + "." + format.extension());
                byte[] written = ModelIO.encode(e.getValue(), format);
                Checksums.Stripped content = switch (format) {
                    case JSON -> Checksums.fromJson(written);
                    case PMML -> Checksums.fromPmml(written);
                    case BINARY -> new Checksums.Stripped(written, null);
                };
                assertArrayEquals(Files.readAllBytes(file), content.content(), file.toString());
                if (format != ModelFormat.BINARY) {
                    assertEquals(Checksums.of(content.content()), content.stated(), file.toString());
                }
            }
        }
    }
}
