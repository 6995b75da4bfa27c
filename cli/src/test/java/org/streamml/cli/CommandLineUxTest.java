package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.modelio.ModelIO;

/**
 * The command line as a tool: short options, usage errors that suggest the option meant, standard input and
 * output as {@code -}, the CSV options, train's summary and predict's score.
 */
class CommandLineUxTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Runs with {@code stdin} as standard input. */
    private static CliRun withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void shouldSuggestTheOptionMeantForATypo() throws Exception {
        Path in = write("d.csv", "1,1\n2,2\n");
        CliRun r = CliRun.of("train", "-a", "linreg", "--inptu", in.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("train: error: "), r.err());
        assertTrue(r.err().contains("did you mean --input?"), r.err());
        assertTrue(r.err().contains("see 'streamml train --help'"), r.err());
        assertFalse(r.err().contains("Usage:"), "no page of usage for one mistyped option: " + r.err());
    }

    @Test
    void shouldSuggestTheSubcommandMeant() {
        CliRun r = CliRun.of("trian");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("did you mean train?"), r.err());
    }

    @Test
    void shouldNameAMissingRequiredOption() throws Exception {
        Path in = write("d.csv", "1,1\n");
        CliRun r = CliRun.of("predict", "-i", in.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("predict: error: Missing required option: '--model=FILE'"), r.err());
    }

    @Test
    void shouldTrainAndPredictWithShortOptions() throws Exception {
        Path in = write("d.csv", "y,x\n3,1\n5,2\n7,3\n9,4\n");
        Path model = tmp.resolve("m.json");
        Path out = tmp.resolve("p.csv");
        CliRun train = CliRun.of("train", "-a", "linreg", "-i", in.toString(), "-o", model.toString(), "-q");
        assertEquals(0, train.status(), train.err());
        CliRun predict = CliRun.of("predict", "-m", model.toString(), "-i", in.toString(), "-o", out.toString());
        assertEquals(0, predict.status(), predict.err());
        assertEquals(5, Files.readAllLines(out).size());
    }

    @Test
    void shouldDocumentTheShortOptionsInTheHelp() {
        CliRun help = CliRun.of("predict", "--help");
        assertTrue(help.out().contains("-m, --model=FILE") && help.out().contains("-i, --input=")
                && help.out().contains("-o, --output="), help.out());
        assertTrue(CliRun.of("train", "--help").out().contains("-a, --algorithm="));
    }

    @Test
    void shouldPredictFromStandardInputToStandardOutput() throws Exception {
        Path model = tmp.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {2.0}, 1.0), model);
        CliRun r = withStdin("x\n1\n2\n", "predict", "-m", model.toString(), "-i", "-", "-o", "-");
        assertEquals(0, r.status(), r.err());
        assertEquals("prediction\n3.0\n5.0\n", r.out());
    }

    @Test
    void shouldTrainFromStandardInput() throws Exception {
        Path model = tmp.resolve("m.json");
        CliRun r = withStdin("y,x\n3,1\n5,2\n7,3\n", "train", "-a", "linreg", "-i", "-", "-o", model.toString(),
                "--batch-size", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(lastLine(r.out()).startsWith("{\"records\":3,\"batches\":3,"), r.out());
        assertEquals("standard input", ModelIO.read(model).options().get("input"));
    }

    @Test
    void shouldNameStandardInputInABadRecordError() {
        CliRun r = withStdin("y,x\n1,2\n1,zz\n", "train", "-a", "linreg", "-i", "-", "-q");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("standard input line 3, column 2 (x): 'zz' is not a number"), r.err());
    }

    @Test
    void shouldRefuseToCheckpointStandardInput() {
        CliRun r = withStdin("1,2\n", "train", "-a", "linreg", "-i", "-", "--checkpoint", tmp.resolve("c").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("standard input (--input -) cannot: save it to a file"), r.err());
    }

    @Test
    void shouldWriteADatasetToStandardOutputWithADash() {
        CliRun dash = CliRun.of("dataset", "sensors", "--rows", "3", "-o", "-");
        assertEquals(0, dash.status(), dash.err());
        assertEquals(CliRun.of("dataset", "sensors", "--rows", "3").out(), dash.out());
    }

    @Test
    void shouldDetectFromStandardInputToStandardOutput() {
        CliRun r = withStdin("timestamp,value\n2014-03-07 00:00:00,1\n2014-03-07 00:05:00,2\n", "detect", "-i", "-",
                "-o", "-");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("timestamp,value,anomaly_score,label", lines.get(0));
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("2014-03-07 00:00:00,1,"), r.out());
        assertTrue(r.err().contains("-> standard output"), r.err());
    }

    @Test
    void shouldTakeTheLabelFromAColumnNamedInTheHeaderWithAnotherDelimiterAndQuotes() throws Exception {
        // y = 2 x + 1, label last, semicolons, quoted fields
        Path in = write("d.csv", "\"x\";\"the label\"\n1;3\n\"2\";5\n3;\"7\"\n4;9\n");
        Path byName = tmp.resolve("a.json");
        Path byNumber = tmp.resolve("b.json");
        String[] common = {"train", "-a", "linreg", "-i", in.toString(), "--delimiter", ";", "--iterations", "200",
                "--step-size", "0.05", "-q"};
        assertEquals(0, CliRun.of(concat(common, "--label-column", "the label", "-o", byName.toString())).status());
        assertEquals(0, CliRun.of(concat(common, "--label-column", "2", "-o", byNumber.toString())).status());
        LinearRegressionModel a = ModelIO.load(byName, LinearRegressionModel.class);
        assertEquals(a, ModelIO.load(byNumber, LinearRegressionModel.class));
        assertEquals(1, a.numFeatures());
        assertTrue(a.weights()[0] > 0, "learnt y = 2x + 1 from the last column: " + a);
    }

    @Test
    void shouldNameTheColumnsWhenTheLabelColumnIsNotInTheHeader() throws Exception {
        Path in = write("d.csv", "x,y\n1,3\n");
        CliRun r = CliRun.of("train", "-a", "linreg", "-i", in.toString(), "--label-column", "z");
        assertEquals(1, r.status());
        assertEquals("train: error: --label-column 'z': the first line of d.csv has no such column (it has 'x', 'y')",
                r.err().strip());
        CliRun bad = CliRun.of("train", "-a", "linreg", "-i", in.toString(), "--delimiter", "ab");
        assertEquals("train: error: --delimiter 'ab' must be one character (or tab, space)", bad.err().strip());
    }

    @Test
    void shouldReportAccuracyWhenTheRowsHaveLabels() throws Exception {
        Path model = tmp.resolve("lr.json");
        // class 1 when x > 0
        ModelIO.save(new LogisticRegressionModel(new double[] {10.0}, 0.0), model);
        Path in = write("l.csv", "x;label\n1;1\n-1;0\n2;0\n-3;0\n");
        CliRun r = CliRun.of("predict", "-m", model.toString(), "-i", in.toString(), "--delimiter", ";",
                "--label-column", "label");
        assertEquals(0, r.status(), r.err());
        assertEquals(5, r.out().lines().count(), r.out());
        assertEquals("predict: accuracy 0.7500 (3 of 4 labelled rows right)", r.err().strip());
    }

    @Test
    void shouldReportRmseForALabelFirstRowAndNothingForUnlabelledRows() throws Exception {
        Path model = tmp.resolve("lin.json");
        ModelIO.save(new LinearRegressionModel(new double[] {2.0}, 1.0), model);
        // predictions 3 and 5 for labels 4 and 5: squared errors 1 and 0
        CliRun labelled = CliRun.of("predict", "-m", model.toString(), "-i", write("a.csv", "4,1\n5,2\n").toString());
        assertEquals(0, labelled.status(), labelled.err());
        assertEquals("predict: RMSE 0.707107 (over 2 labelled rows)", labelled.err().strip());
        CliRun unlabelled = CliRun.of("predict", "-m", model.toString(), "-i", write("b.csv", "1\n2\n").toString());
        assertEquals("", unlabelled.err());
        CliRun quiet = CliRun.of("predict", "-m", model.toString(), "-i", write("c.csv", "4,1\n").toString(), "-q");
        assertEquals("", quiet.err());
    }

    @Test
    void shouldReportTheWithinClusterCostOfKMeans() throws Exception {
        Path in = write("k.csv", "x\n0\n1\n10\n11\n");
        Path model = tmp.resolve("km.json");
        CliRun train = CliRun.of("train", "-a", "kmeans", "--k", "2", "-i", in.toString(), "-o", model.toString(),
                "--batch-size", "4");
        assertEquals(0, train.status(), train.err());
        assertTrue(train.err().contains("train: 4 records in 1 batch, "), train.err());
        assertTrue(train.err().contains("train: prequential within-cluster cost "), train.err());
        Map<String, String> summary = JsonNumbers.flatObject(lastLine(train.out()));
        assertTrue(summary.containsKey("prequential_cost"), summary.toString());
        CliRun predict = CliRun.of("predict", "-m", model.toString(), "-i", in.toString());
        assertEquals(0, predict.status(), predict.err());
        assertTrue(predict.err().startsWith("predict: within-cluster cost "), predict.err());
    }

    @Test
    void shouldPrintNoProgressBarWhenNotOnATerminal() throws Exception {
        Path in = write("d.csv", "y,x\n3,1\n5,2\n7,3\n");
        CliRun r = CliRun.of("train", "-a", "linreg", "-i", in.toString(), "--batch-size", "1");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("\r"), "no bar drawn into a file or pipe: " + r.err());
        assertFalse(r.err().contains("ETA"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
