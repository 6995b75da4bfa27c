package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormat;
import org.streamml.modelio.ModelIO;
import org.streamml.modelio.Provenance;
import picocli.CommandLine;

class ModelCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void inspectShouldShowTypeDimensionsVersionAndProvenance() throws Exception {
        Path p = dir.resolve("km.bin");
        KMeansModel km = new KMeansModel(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {1.5, 2.5}, 20, 60_000);
        Provenance provenance = new Provenance("StreamML 1.2", "2026-01-01T00:00:00Z");
        ModelIO.save(new ModelFile(km, Map.of("decayFactor", "0.8"), provenance), p, ModelFormat.BINARY);

        assertEquals(0, run("model", "inspect", p.toString()));

        assertEquals(String.join(System.lineSeparator(),
                "file:            " + p,
                "format:          binary",
                "type:            kmeans",
                "dimensions:      2 clusters × 3 features",
                "cluster weights: 4.0 in total",
                "version:         20 batches applied",
                "last batch:      logical time 60.0 s from the stream's start",
                "library:         StreamML 1.2",
                "created:         2026-01-01T00:00:00Z",
                "options:         decayFactor=0.8", ""), out.toString());
    }

    @Test
    void convertShouldWriteTheRequestedFormatAndKeepTheModel() throws Exception {
        Path in = dir.resolve("lr.json");
        LogisticRegressionModel m = new LogisticRegressionModel(new double[] {0.5, -1}, 0.25, OptionalDouble.of(0.7),
                9, 123);
        ModelIO.save(m, in);
        Path outFile = dir.resolve("lr.model");

        assertEquals(0, run("model", "convert", in.toString(), outFile.toString(), "--format", "pmml"));

        assertEquals(ModelFormat.PMML, ModelIO.detectFormat(outFile));
        assertEquals(m, ModelIO.load(outFile));
    }

    @Test
    void inspectShouldReportABadFileInOneLine() {
        Path missing = dir.resolve("missing.bin");

        assertEquals(1, run("model", "inspect", missing.toString()));

        assertEquals("inspect: error: " + missing + ": no such model file" + System.lineSeparator(), err.toString());
    }

    @Test
    void convertShouldRejectAnUnknownFormat() {
        assertEquals(2, run("model", "convert", "a.json", "b.x", "--format", "onnx"));
        assertTrue(err.toString().contains("model format must be json, binary or pmml: onnx"), err.toString());
    }
}
