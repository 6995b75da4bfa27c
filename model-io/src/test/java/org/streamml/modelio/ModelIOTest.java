package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

class ModelIOTest {
    private static final KMeansModel KMEANS = new KMeansModel(new double[][] {{1, 2}, {3, 4.5}},
            new double[] {0.25, 1e6}, 17, 1_700_000_000_000L);

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldKeepVersionBatchTimeAndClusterWeightsInEveryFormatSoLearnersCanResume() throws IOException {
        for (ModelFormat format : ModelFormat.values()) {
            Path p = dir.resolve("km." + format.extension());
            ModelIO.save(KMEANS, p);

            KMeansModel back = ModelIO.load(p, KMeansModel.class);

            assertEquals(17, back.version(), format.name());
            assertEquals(1_700_000_000_000L, back.lastBatchTimeMillis(), format.name());
            assertArrayEquals(new double[] {0.25, 1e6}, back.clusterWeights(), format.name());
            assertEquals(KMEANS, back, format.name());
        }
    }

    @Test
    void shouldChooseTheFormatFromTheExtensionWhenNotGiven() throws IOException {
        Map<String, ModelFormat> names = Map.of("a.json", ModelFormat.JSON, "a.pmml", ModelFormat.PMML,
                "a.xml", ModelFormat.PMML, "a.bin", ModelFormat.BINARY, "a.model", ModelFormat.BINARY);
        for (Map.Entry<String, ModelFormat> e : names.entrySet()) {
            ModelIO.save(KMEANS, dir.resolve(e.getKey()));
            assertEquals(e.getValue(), ModelIO.detectFormat(dir.resolve(e.getKey())), e.getKey());
        }
    }

    @Test
    void shouldDetectTheFormatFromTheContentNotTheExtension() throws IOException {
        Path misnamed = dir.resolve("model.bin");
        LogisticRegressionModel m = new LogisticRegressionModel(new double[] {1, -2}, 0.5).clearThreshold();
        ModelIO.save(m, misnamed, ModelFormat.PMML);

        assertEquals(ModelFormat.PMML, ModelIO.detectFormat(misnamed));
        assertEquals(m, ModelIO.load(misnamed));
    }

    @Test
    void shouldKeepOptionsAndProvenance() throws IOException {
        ModelFile file = new ModelFile(KMEANS, Map.of("decayFactor", "0.5"), new Provenance("X 1", "then"));
        for (ModelFormat format : ModelFormat.values()) {
            Path p = dir.resolve("opts." + format.extension());
            ModelIO.save(file, p, format);
            assertEquals(file, ModelIO.read(p), format.name());
        }
    }

    @Test
    void shouldStampThisLibraryAndTheCreationTime() throws IOException {
        Path p = dir.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1}, 0), p);

        Provenance prov = ModelIO.read(p).provenance();
        assertTrue(prov.library().startsWith("StreamML "), prov.library());
        assertTrue(prov.createdAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), prov.createdAt());
    }

    @Test
    void shouldReplaceAnExistingFileAndLeaveNoTemporaryFile() throws IOException {
        Path p = dir.resolve("m.bin");
        ModelIO.save(KMEANS, p);
        Model newer = KMEANS.withVersion(18, 1_700_000_001_000L);

        ModelIO.save(newer, p);

        assertEquals(newer, ModelIO.load(p));
        assertEquals(List.of("m.bin"), files());
    }

    @Test
    void shouldKeepThePermissionsOfAReplacedFile() throws IOException {
        Path p = dir.resolve("m.bin");
        ModelIO.save(KMEANS, p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));

        ModelIO.save(KMEANS.withVersion(18, 5), p);

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
    }

    @Test
    void shouldCreateMissingParentDirectories() throws IOException {
        Path p = dir.resolve("a/b/m.json");
        ModelIO.save(KMEANS, p);
        assertEquals(KMEANS, ModelIO.load(p));
    }

    @Test
    void modelJsonShouldKeepTheTraceFormatAndParseItBack() {
        LogisticRegressionModel m = new LogisticRegressionModel(new double[] {0.1, -0.0}, 1e-5);
        String json = ModelJson.toJson(m);

        assertEquals("{\"type\":\"logistic-regression\",\"weights\":[0.1,-0.0],\"intercept\":1.0E-5,\"threshold\":0.5}",
                json);
        assertEquals(m, ModelJson.parse(json));
        assertEquals(new KMeansModel(new double[][] {{1, 2}}, new double[] {3}),
                ModelJson.parse("{\"type\":\"kmeans\",\"centers\":[[1,2]],\"weights\":[3]}"));
    }

    @Test
    void modelJsonParseShouldNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelJson.parse("{\"type\":\"kmeans\",\"centers\":[],\"weights\":[]}"));
        assertEquals("model JSON: line 1, column 28, field model.centers: found no center, expected at least one "
                + "center", e.getMessage());
    }

    @Test
    void formatNamesShouldParseAndRejectUnknownOnes() {
        assertEquals(ModelFormat.BINARY, ModelFormat.fromName("Binary"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFormat.fromName("onnx"));
        assertEquals("model format must be json, binary or pmml: onnx", e.getMessage());
    }
}
