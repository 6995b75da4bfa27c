package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model files written by earlier versions still load, to exactly the models they hold. */
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
    void thisVersionShouldStillWriteVersionOneFilesByteForByte() throws IOException {
        for (Map.Entry<String, ModelFile> e : GoldenFiles.all().entrySet()) {
            for (ModelFormat format : ModelFormat.values()) {
                Path file = SparkPmmlTest.resource("golden/v1/" + e.getKey() + "." + format.extension());
                assertArrayEquals(Files.readAllBytes(file), ModelIO.encode(e.getValue(), format), file.toString());
            }
        }
    }
}
