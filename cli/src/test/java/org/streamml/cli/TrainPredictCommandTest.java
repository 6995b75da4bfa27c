package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.modelio.ModelIO;

class TrainPredictCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void shouldResumeFromASavedModelExactlyWhereAnUnbrokenRunWouldBe() throws Exception {
        String header = "x1,x2\n";
        String first = "0,0\n10,10\n0.5,0.2\n9,11\n";
        String second = "0.1,0.4\n10.5,9.5\n-0.3,0.1\n11,10\n";
        Path all = write("all.csv", header + first + second);
        Path part1 = write("part1.csv", header + first);
        Path part2 = write("part2.csv", header + second);
        Path whole = tmp.resolve("whole.json");
        Path saved = tmp.resolve("half.bin");
        Path resumed = tmp.resolve("resumed.pmml");
        String[] common = {"--algorithm", "kmeans", "--k", "2", "--batch-size", "2", "--decay-factor", "0.7", "-q"};

        assertEquals(0, train(common, "--input", all.toString(), "--output", whole.toString()).status());
        assertEquals(0, train(common, "--input", part1.toString(), "--output", saved.toString()).status());
        CliRun r = train(common, "--input", part2.toString(), "--initial-model", saved.toString(),
                "--output", resumed.toString());
        assertEquals(0, r.status(), r.err());

        KMeansModel expected = ModelIO.load(whole, KMeansModel.class);
        KMeansModel actual = ModelIO.load(resumed, KMeansModel.class);
        assertEquals(4, expected.version());
        assertEquals(2, ModelIO.load(saved, KMeansModel.class).version());
        assertEquals(expected.version(), actual.version());
        assertTrue(java.util.Arrays.deepEquals(expected.centers(), actual.centers()));
        assertTrue(java.util.Arrays.equals(expected.clusterWeights(), actual.clusterWeights()));
        assertEquals("kmeans", ModelIO.read(resumed).options().get("algorithm"));
    }

    @Test
    void shouldRejectAnInitialModelOfAnotherDimension() throws Exception {
        Path in = write("d.csv", "label,a,b\n1,1,1\n2,2,2\n");
        Path model = tmp.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1.0}, 0.0), model);
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--initial-model",
                model.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("has 1 features but the input " + in + " has 2"), r.err());
    }

    private static CliRun train(String[] common, String... more) {
        String[] args = new String[common.length + more.length + 1];
        args[0] = "train";
        System.arraycopy(common, 0, args, 1, common.length);
        System.arraycopy(more, 0, args, 1 + common.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void shouldPrintTheSummaryAsTheLastStdoutLine() throws Exception {
        Path in = write("d.csv", "label,a\n1,1\n2,2\n3,3\n4,4\n5,5\n");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--batch-size", "2");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        Map<String, String> summary = JsonNumbers.flatObject(lines[lines.length - 1]);
        assertEquals(List.of("records", "batches", "processing_seconds", "records_per_second", "wall_seconds",
                "prequential_rmse"), List.copyOf(summary.keySet()));
        // batch 1 is scored by the zero model: squared errors 1 and 4; later batches by trained models
        double rmse = Double.parseDouble(summary.get("prequential_rmse"));
        assertTrue(rmse > 0 && rmse < Math.sqrt(5.0 / 2), summary.toString());
        assertEquals("5", summary.get("records"));
        assertEquals("3", summary.get("batches"));
        // the summary for people is on standard error, before the JSON line
        assertTrue(r.err().contains("train: 5 records in 3 batches, "), r.err());
        assertTrue(r.err().contains("train: prequential RMSE " + String.format(java.util.Locale.ROOT, "%.6g", rmse)
                + " (over 5 records, each predicted before training on it)"), r.err());
    }

    @Test
    void shouldNameFileLineAndColumnOfAMalformedRecord() throws Exception {
        Path in = write("bad.csv", "label,a\n1,1\n2,x\n");
        Path trace = tmp.resolve("t.jsonl");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--trace", trace.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("bad.csv line 3, column 2"), r.err());
        assertFalse(Files.exists(trace), "no trace is written for a failed run");
    }

    @Test
    void shouldSkipAndCountBadRecordsWhenAsked() throws Exception {
        Path in = write("bad.csv", "label,a\n1,1\n2,x\n3,3,3\n4,4\n");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--skip-bad-records");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("skipped 2 malformed line(s)"), r.err());
        assertTrue(r.out().contains("\"records\":2"), r.out());
    }

    @Test
    void shouldRejectUnknownMastersAndOptionsOfOtherAlgorithms() throws Exception {
        Path in = write("d.csv", "1,1\n2,2\n");
        CliRun yarn = CliRun.of("train", "--algorithm", "kmeans", "--input", in.toString(), "--master", "yarn");
        assertEquals(1, yarn.status());
        assertTrue(yarn.err().contains("unknown master 'yarn'; known masters: local-cluster[N], local-cluster[N,C],"
                + " cluster://HOST:PORT: module streaming-cluster; local, local[N], local[*]: module streaming-core"),
                yarn.err());
        CliRun wrong = CliRun.of("train", "--algorithm", "kmeans", "--input", in.toString(), "--step-size", "1");
        assertTrue(wrong.err().contains("--step-size does not apply"), wrong.err());
        CliRun few = CliRun.of("train", "--algorithm", "kmeans", "--input", in.toString(), "--k", "3");
        assertTrue(few.err().contains("first k = 3 records, but the input has only 2"), few.err());
    }

    @Test
    void shouldTrainKMeansFromTheFirstKRecordsOnLibSvm() throws Exception {
        Path in = write("d.svm", "0 1:1.0\n0 2:1.0\n0 1:3.0\n");
        Path trace = tmp.resolve("t.jsonl");
        CliRun r = CliRun.of("train", "--algorithm", "kmeans", "--format", "libsvm", "--input", in.toString(),
                "--k", "2", "--batch-size", "3", "--trace", trace.toString(), "-q");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"batch\":1,\"records\":3,\"model\":{\"type\":\"kmeans\",\"centers\":[[2.0,0.0],[0.0,1.0]],"
                + "\"weights\":[2.0,1.0]}}", Files.readAllLines(trace).get(0));
    }

    @Test
    void shouldPredictWithEachModelType() throws Exception {
        Path in = write("x.csv", "a,b\n1,2\n3,4\n");
        Path lin = tmp.resolve("lin.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1, 2}, 0.5), lin);
        CliRun r = CliRun.of("predict", "--model", lin.toString(), "--input", in.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("prediction\n5.5\n11.5\n", r.out());

        Path log = tmp.resolve("log.json");
        ModelIO.save(new LogisticRegressionModel(new double[] {1, -1}, 0.0), log);
        Path labelled = write("y.csv", "y,a,b\n1,1,2\n0,3,1\n");
        Path out = tmp.resolve("out.csv");
        assertEquals(0, CliRun.of("predict", "--model", log.toString(), "--input", labelled.toString(), "--output",
                out.toString()).status());
        assertEquals(List.of("class,probability", "0," + LogisticRegressionModel.sigmoid(-1),
                "1," + LogisticRegressionModel.sigmoid(2)), Files.readAllLines(out));

        Path km = tmp.resolve("km.json");
        ModelIO.save(new KMeansModel(new double[][] {{0, 0}, {3, 3}}, new double[] {1, 1}), km);
        assertEquals("cluster\n0\n1\n", CliRun.of("predict", "--model", km.toString(), "--input", in.toString()).out());
    }

    @Test
    void shouldRejectRowsOfTheWrongWidthForPrediction() throws Exception {
        Path lin = tmp.resolve("lin.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1, 2}, 0.5), lin);
        Path in = write("w.csv", "1,2,3,4\n");
        CliRun r = CliRun.of("predict", "--model", lin.toString(), "--input", in.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("line 1: has 4 columns, the model expects 2 features"), r.err());
    }
}
