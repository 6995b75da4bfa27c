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
    void shouldPrintTheSummaryAsTheLastStdoutLine() throws Exception {
        Path in = write("d.csv", "label,a\n1,1\n2,2\n3,3\n4,4\n5,5\n");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--batch-size", "2");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        Map<String, String> summary = JsonNumbers.flatObject(lines[lines.length - 1]);
        assertEquals(List.of("records", "batches", "processing_seconds", "records_per_second", "wall_seconds"),
                List.copyOf(summary.keySet()));
        assertEquals("5", summary.get("records"));
        assertEquals("3", summary.get("batches"));
        assertTrue(r.err().contains("train: done, 3 batches, 5 records"), r.err());
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
    void shouldRejectNonLocalMastersAndOptionsOfOtherAlgorithms() throws Exception {
        Path in = write("d.csv", "1,1\n2,2\n");
        CliRun cluster = CliRun.of("train", "--algorithm", "kmeans", "--input", in.toString(), "--master",
                "cluster://host:7077");
        assertEquals(1, cluster.status());
        assertTrue(cluster.err().contains("only local masters"), cluster.err());
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
