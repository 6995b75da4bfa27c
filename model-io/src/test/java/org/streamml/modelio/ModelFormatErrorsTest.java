package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.internal.Checksums;

/**
 * Every kind of bad model file raises a {@link ModelFormatException} whose message names the file, the
 * place, what was found and what was expected.
 */
class ModelFormatErrorsTest {
    private static final KMeansModel KMEANS = new KMeansModel(new double[][] {{1, 2}, {3, 4}}, new double[] {5, 6},
            7, 8000);
    private static final LinearRegressionModel LINEAR = new LinearRegressionModel(new double[] {1.5, -2}, 0.25);

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] binary(KMeansModel m) {
        return ModelIO.encode(ModelFile.of(m), ModelFormat.BINARY);
    }

    /**
     * The JSON form as a person editing it by hand would leave it: without the checksum, so that the
     * parser's own checks are what these tests meet ({@link ModelChecksumTest} covers the checksum).
     */
    private static String json(Model m) {
        return new String(Checksums.fromJson(ModelIO.encode(ModelFile.of(m), ModelFormat.JSON)).content(),
                StandardCharsets.UTF_8);
    }

    /** The PMML form without the checksum, as {@link #json}. */
    private static String pmml(Model m) {
        return new String(Checksums.fromPmml(ModelIO.encode(ModelFile.of(m), ModelFormat.PMML)).content(),
                StandardCharsets.UTF_8);
    }

    /** Recomputes the CRC of a binary file after an edit, so that the edit itself is what is reported. */
    private static byte[] resealed(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    private static String message(Path p) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertEquals(p.toString(), e.file());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void shouldNameAMissingFile() {
        Path p = dir.resolve("nothing-here.bin");
        assertContains(message(p), "nothing-here.bin: no such model file");
    }

    @Test
    void shouldReportAnEmptyFile() throws IOException {
        assertContains(message(write("empty.bin", new byte[0])), "byte 0", "found an empty file (0 bytes)",
                "expected a model file");
    }

    @Test
    void shouldReportATruncatedBinaryFileWithTheExpectedLength() throws IOException {
        byte[] full = binary(KMEANS);
        Path p = write("cut.bin", Arrays.copyOf(full, full.length - 10));
        assertContains(message(p), "byte 16", "found a file of " + (full.length - 10) + " bytes (truncated)",
                "expected a file of " + full.length + " bytes");
    }

    @Test
    void shouldReportABinaryFileCutInsideTheHeader() throws IOException {
        Path p = write("stub.bin", Arrays.copyOf(binary(KMEANS), 12));
        assertContains(message(p), "byte 12 (header)", "truncated", "at least 28 bytes");
    }

    @Test
    void shouldReportATruncatedJsonFileWithLineAndColumn() throws IOException {
        String text = json(KMEANS);
        Path p = write("cut.json", text.substring(0, text.length() - 20));
        assertContains(message(p), "cut.json: line 8", "found the end of the text", "expected");
    }

    @Test
    void shouldReportABadChecksumWithItsOffset() throws IOException {
        byte[] b = binary(KMEANS);
        b[b.length - 20] ^= 0x01;
        assertContains(message(write("flipped.bin", b)), "byte " + (b.length - 4) + " (CRC-32 checksum)",
                "found 0x", "the file is damaged");
    }

    @Test
    void shouldReportAnUnknownBinaryVersion() throws IOException {
        byte[] b = binary(KMEANS);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 3);
        assertContains(message(write("v3.bin", b)), "byte 8 (format version)", "found format version 3",
                "expected format version 1 or 2");
    }

    @Test
    void shouldReportAnUnknownJsonVersion() throws IOException {
        Path p = write("v3.json", json(KMEANS).replace("\"formatVersion\": 2", "\"formatVersion\": 3"));
        assertContains(message(p), "line 3, column 20, field formatVersion", "found format version 3",
                "expected format version 1 or 2");
    }

    @Test
    void shouldReportAnUnknownModelTypeCode() throws IOException {
        byte[] b = binary(KMEANS);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 9);
        assertContains(message(write("type9.bin", b)), "byte 12 (model type)", "found model type code 9",
                "expected 1 (linear-regression), 2 (logistic-regression), 3 (kmeans) or 100 (running-mean)");
    }

    @Test
    void shouldRejectTheWrongModelTypeForTheCaller() throws IOException {
        for (ModelFormat format : ModelFormat.values()) {
            Path p = dir.resolve("linear." + format.extension());
            ModelIO.save(LINEAR, p, format);
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> ModelIO.load(p, KMeansModel.class));
            assertEquals(p + ": model type: found linear-regression, expected kmeans (KMeansModel)", e.getMessage());
        }
    }

    @Test
    void shouldRejectANaNParameterInBinaryWithItsOffsetAndField() throws IOException {
        byte[] b = binary(KMEANS);
        int at = b.length - 4 - 8 * 2 - 8 * 4 + 8 * 3; // centers[1][1]
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putDouble(at, Double.NaN);
        assertContains(message(write("nan.bin", resealed(b))), "byte " + at + " (centers[1][1])", "found NaN",
                "expected a finite number");
    }

    @Test
    void shouldRejectAnInfiniteParameterInJson() throws IOException {
        Path p = write("inf.json", json(KMEANS).replace("[3.0,4.0]", "[3.0,4e999]"));
        assertContains(message(p), "field model.centers[1][1]", "found 4e999 (beyond the range of a double)",
                "expected a finite number");
    }

    @Test
    void shouldRejectNaNInPmml() throws IOException {
        String pmml = pmml(LINEAR)
                .replace("coefficient=\"-2.0\"", "coefficient=\"NaN\"");
        assertContains(message(write("nan.pmml", pmml)),
                "element /PMML/RegressionModel/RegressionTable/NumericPredictor[2], attribute coefficient",
                "found NaN", "expected a finite number");
    }

    @Test
    void shouldRejectCentersOfDifferentDimensionsInJson() throws IOException {
        Path p = write("ragged.json", json(KMEANS).replace("[3.0,4.0]", "[3.0,4.0,5.0]"));
        assertContains(message(p), "field model.centers[1]", "found an array of 3 numbers",
                "expected 2 numbers (the dimension of center 0)");
    }

    @Test
    void shouldRejectAWeightCountOtherThanKInJson() throws IOException {
        Path p = write("weights.json", json(KMEANS).replace("\"weights\":[5.0,6.0]", "\"weights\":[5.0]"));
        assertContains(message(p), "field model.weights", "found an array of 1 numbers",
                "expected 2 numbers (one weight per center)");
    }

    @Test
    void shouldRejectAPmmlArrayOfTheWrongDimension() throws IOException {
        String pmml = pmml(KMEANS)
                .replace("<Array n=\"2\" type=\"real\">3.0 4.0</Array>", "<Array type=\"real\">3.0 4.0 5.0</Array>");
        assertContains(message(write("dim.pmml", pmml)), "element /PMML/ClusteringModel/Cluster[2]/Array",
                "found 3 coordinates", "expected 2, one per clustering field");
    }

    @Test
    void shouldRejectABinaryDimensionLargerThanTheBody() throws IOException {
        byte[] b = ModelIO.encode(ModelFile.of(LINEAR), ModelFormat.BINARY);
        int dimensionAt = b.length - 4 - 8 * 3 - 4;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(dimensionAt, 1000);
        assertContains(message(write("dim.bin", resealed(b))), "byte " + dimensionAt + " (dimension)", "found 1000",
                "a count >= 0 whose items fit in the 24 bytes left");
    }

    @Test
    void shouldRejectUnrecognizedContent() throws IOException {
        assertContains(message(write("x.bin", "hello")), "byte 0", "found the bytes 68 65 6C 6C 6F",
                "expected a model file: the binary magic 89 53 4D 4C 0D 0A 1A 0A, '{' (JSON) or '<' (PMML)");
    }

    @Test
    void shouldRejectAThresholdOutsideTheUnitIntervalInJson() throws IOException {
        String text = json(new LogisticRegressionModel(new double[] {1}, 0)).replace("\"threshold\":0.5", "\"threshold\":1.5");
        assertContains(message(write("t.json", text)), "field model.threshold", "found 1.5",
                "expected a threshold in [0, 1] or null");
    }

    @Test
    void shouldRefuseToSaveANonFiniteModel() {
        LinearRegressionModel bad = new LinearRegressionModel(new double[] {Double.NaN}, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelIO.save(bad, dir.resolve("bad.bin")));
        assertContains(e.getMessage(), "cannot save a model with a NaN or infinite parameter");
        assertEquals(0, dir.toFile().list().length);
    }
}
