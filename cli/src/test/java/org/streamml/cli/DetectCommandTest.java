package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabRow;
import org.streamml.datasets.io.NabTimestamps;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import picocli.CommandLine;

class DetectCommandTest {
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

    /** A NAB-style series: 5-minute steps, one duplicate and one backward step, a spike at row 900. */
    private static List<String> series(int rows) {
        Random rnd = new Random(3);
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,value");
        long t = NabTimestamps.parseMillis("2014-03-07 00:00:00");
        for (int i = 0; i < rows; i++) {
            long step = i == 300 ? 0 : i == 500 ? -600_000L : 300_000L;
            t += step;
            double v = 40 + 3 * Math.sin(2 * Math.PI * i / 288) + rnd.nextGaussian() + (i == 900 ? 30 : 0);
            lines.add(NabTimestamps.format(t) + "," + Math.round(v * 1000) / 1000.0);
        }
        return lines;
    }

    @Test
    void shouldWriteTheSameScoresOnEveryMaster() throws Exception {
        Path input = Files.write(dir.resolve("in.csv"), series(700));
        Path local = dir.resolve("local.csv");
        Path cluster = dir.resolve("cluster.csv");
        assertEquals(0, run("detect", "--input", input.toString(), "--output", local.toString(), "--batch-size", "100"));
        assertEquals(0, run("detect", "--input", input.toString(), "--output", cluster.toString(), "--batch-size", "100",
                "--master", "local-cluster[2]"), err::toString);
        assertEquals(Files.readAllLines(local), Files.readAllLines(cluster));
        assertEquals(1, run("detect", "--input", input.toString(), "--output", cluster.toString(), "--master", "locl[2]"));
        assertTrue(err.toString().contains("'locl[2]'"), err.toString());
    }

    @Test
    void shouldWriteOneRowPerInputRowInOrderWithTheDetectorsScores() throws Exception {
        List<String> in = series(1200);
        Path input = Files.write(dir.resolve("in.csv"), in);
        Path output = dir.resolve("sub/scores.csv");

        assertEquals(0, run("detect", "--input", input.toString(), "--output", output.toString(),
                "--batch-size", "77"));

        List<String> lines = Files.readAllLines(output);
        assertEquals("timestamp,value,anomaly_score,label", lines.get(0));
        assertEquals(in.size(), lines.size());
        StreamingAnomalyDetector direct = new StreamingAnomalyDetector();
        int anomalies = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            String[] src = in.get(i).split(",");
            assertEquals(src[0], f[0]);
            assertEquals(src[1], f[1]);
            double expected = direct.score(NabTimestamps.parseMillis(src[0]), Double.parseDouble(src[1]));
            assertEquals(expected, Double.parseDouble(f[2]), "row " + i);
            assertEquals(direct.isAnomaly() ? "1" : "0", f[3]);
            anomalies += direct.isAnomaly() ? 1 : 0;
        }
        assertTrue(anomalies > 0);
        assertTrue(err.toString().contains("1200 rows, 0 missing values (scored 0), " + anomalies), err.toString());
        try (var files = Files.list(output.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void shouldKeepRowsWithMissingValuesAndScoreThemZero() throws Exception {
        List<String> in = series(300);
        in.set(150, in.get(150).split(",")[0] + ",");
        in.set(151, in.get(151).split(",")[0] + ",NaN");
        Path input = Files.write(dir.resolve("in.csv"), in);
        Path output = dir.resolve("scores.csv");

        assertEquals(0, run("detect", "--input", input.toString(), "--output", output.toString()));

        List<String> lines = Files.readAllLines(output);
        assertEquals(301, lines.size());
        assertEquals(in.get(150) + ",0.0,0", lines.get(150));
        assertEquals(in.get(151) + ",0.0,0", lines.get(151));
        assertTrue(err.toString().contains("2 missing values"), err.toString());
    }

    @Test
    void shouldNameTheFileLineAndColumnOfAMalformedRowAndWriteNothing() throws Exception {
        List<String> in = series(20);
        in.set(4, in.get(4).split(",")[0] + ",12x");
        Path input = Files.write(dir.resolve("in.csv"), in);
        Path output = dir.resolve("scores.csv");

        assertEquals(1, run("detect", "--input", input.toString(), "--output", output.toString()));

        assertEquals("detect: error: " + input + " line 5, column 2 (value): '12x' is not a number",
                err.toString().strip());
        assertFalse(Files.exists(output));
    }

    @Test
    void shouldRejectABadTimestampAndKeepAnExistingOutput() throws Exception {
        Path input = Files.write(dir.resolve("in.csv"), List.of("timestamp,value", "2014-03-07 00:00:00,1",
                "2014-03-07 25:00:00,2"));
        Path output = Files.writeString(dir.resolve("scores.csv"), "previous");

        assertEquals(1, run("detect", "--input", input.toString(), "--output", output.toString()));

        assertTrue(err.toString().contains("line 3, column 1 (timestamp): '2014-03-07 25:00:00' is not a timestamp"),
                err.toString());
        assertEquals("previous", Files.readString(output));
    }

    @Test
    void shouldRejectAFileWithoutRows() throws Exception {
        Path input = Files.write(dir.resolve("in.csv"), List.of("timestamp,value"));

        assertEquals(1, run("detect", "--input", input.toString(), "--output", dir.resolve("o.csv").toString()));

        assertTrue(err.toString().contains("has no data rows"), err.toString());
    }

    @Test
    void shouldSayWhenTheInputFileIsMissing() {
        Path input = dir.resolve("nope.csv");

        assertEquals(1, run("detect", "--input", input.toString(), "--output", dir.resolve("o.csv").toString()));

        assertEquals("detect: error: input file not found: " + input, err.toString().strip());
    }

    @Test
    void shouldRejectAWrongNumberOfColumns() throws Exception {
        Path input = Files.write(dir.resolve("in.csv"), List.of("timestamp,value", "2014-03-07 00:00:00,1,2"));

        assertEquals(1, run("detect", "--input", input.toString(), "--output", dir.resolve("o.csv").toString()));

        assertTrue(err.toString().contains("line 2: expected 2 columns (timestamp,value), found 3"), err.toString());
    }

    /** {@code file} read as detect reads it, counting the passes opened over it. */
    private static final class CountingRows implements RecordFile<NabRow> {
        private final RecordFile<NabRow> rows;
        private int passes;

        CountingRows(RecordFile<NabRow> rows) {
            this.rows = rows;
        }

        @Override
        public String name() {
            return rows.name();
        }

        @Override
        public RecordReader<NabRow> open() {
            passes++;
            return rows.open();
        }
    }

    @Test
    void shouldReadTheInputOnceAndPairEveryRowWithItsOwnScoreWhateverTheBatchSize() throws Exception {
        List<String> in = series(1200);
        in.set(40, in.get(40).split(",")[0] + ",");
        Path input = Files.write(dir.resolve("in.csv"), in);
        StringBuilder expected = new StringBuilder("timestamp,value,anomaly_score,label\n");
        StreamingAnomalyDetector direct = new StreamingAnomalyDetector();
        for (String line : in.subList(1, in.size())) {
            String[] f = line.split(",", -1);
            double v = f[1].isEmpty() ? Double.NaN : Double.parseDouble(f[1]);
            double score = direct.score(NabTimestamps.parseMillis(f[0]), v);
            expected.append(f[0]).append(',').append(f[1]).append(',').append(score)
                    .append(direct.isAnomaly() ? ",1\n" : ",0\n");
        }

        for (int batchSize : new int[] {1, 7, 1200, 5000}) {
            CountingRows rows = new CountingRows(new NabFile(TextInput.of(input), List.of(), BadRecordPolicy.FAIL)
                    .keepingMissingValues().withText());
            StringWriter written = new StringWriter();

            DetectCommand.Tally tally = DetectCommand.detect(rows, batchSize, "local[1]", written);

            assertEquals(1, rows.passes, "passes over the input with batches of " + batchSize);
            assertEquals(new DetectCommand.Tally(1200, 1, tally.anomalies()), tally);
            assertEquals(expected.toString(), written.toString(), "batches of " + batchSize);
        }
    }

    /** A NAB-style series of {@code rows} rows like {@link #series}, its own pattern and spike from {@code seed}. */
    private static List<String> series(int rows, long seed) {
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,value");
        long t = NabTimestamps.parseMillis("2014-03-07 00:00:00");
        int spike = 200 + rnd.nextInt(rows - 250);
        for (int i = 0; i < rows; i++) {
            t += 300_000L;
            double v = 10 * seed + (2 + seed) * Math.sin(2 * Math.PI * i / (50 + 20 * seed)) + rnd.nextGaussian()
                    + (i == spike ? 25 : 0);
            lines.add(NabTimestamps.format(t) + "," + (i % 211 == 5 ? "" : Double.toString(Math.round(v * 1000) / 1000.0)));
        }
        return lines;
    }

    /** What the single-series command writes for {@code lines}. */
    private String singleSeriesScores(List<String> lines) throws Exception {
        Path in = Files.write(Files.createTempFile(dir, "single", ".csv"), lines);
        Path out = dir.resolve(in.getFileName() + ".scores");
        assertEquals(0, run("detect", "--input", in.toString(), "--output", out.toString()), err::toString);
        return Files.readString(out);
    }

    @Test
    void shouldScoreEveryCsvOfADirectoryAsItsOwnSeriesOnEveryMaster() throws Exception {
        Path in = Files.createDirectories(dir.resolve("corpus/sub"));
        Map<String, List<String>> files = new java.util.TreeMap<>();
        files.put("a.csv", series(600, 1));
        files.put("b.csv", series(450, 2));
        files.put("sub/c.csv", series(700, 3));
        files.put("sub/d.csv", series(300, 4));
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            Files.write(in.getParent().resolve(f.getKey()), f.getValue());
        }
        Files.writeString(in.getParent().resolve("README.txt"), "not a series");
        Files.writeString(in.getParent().resolve(".hidden.csv"), "not,a,series");
        Path local = dir.resolve("out-local");
        Path cluster = dir.resolve("out-cluster");

        assertEquals(0, run("detect", "--input", in.getParent().toString(), "--output", local.toString(),
                "--batch-size", "128", "--partitions", "3"), err::toString);
        assertTrue(err.toString().contains("detect: 4 series, 2050 rows, "), err.toString());
        assertEquals(0, run("detect", "--input", in.getParent().toString(), "--output", cluster.toString(),
                "--batch-size", "500", "--master", "local-cluster[2]"), err::toString);

        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            String alone = singleSeriesScores(f.getValue());
            assertTrue(alone.contains(",1\n"), "series " + f.getKey() + " has an alarm");
            assertEquals(alone, Files.readString(local.resolve(f.getKey())), f.getKey() + " on local[2]");
            assertEquals(alone, Files.readString(cluster.resolve(f.getKey())), f.getKey() + " on local-cluster[2]");
        }
        try (var written = Files.walk(local)) {
            assertEquals(List.of("a.csv", "b.csv", "sub/c.csv", "sub/d.csv"), written.filter(Files::isRegularFile)
                    .map(p -> local.relativize(p).toString().replace('\\', '/')).sorted().toList());
        }
    }

    @Test
    void shouldScoreEverySeriesOfACsvWithASeriesColumnAndKeepTheInputOrder() throws Exception {
        List<List<String>> parts = List.of(series(500, 1), series(350, 2), series(420, 3));
        List<String> lines = new ArrayList<>();
        lines.add("host,timestamp,value");
        Random rnd = new Random(8);
        int[] next = {1, 1, 1};
        while (next[0] < parts.get(0).size() || next[1] < parts.get(1).size() || next[2] < parts.get(2).size()) {
            int k = rnd.nextInt(3);
            if (next[k] < parts.get(k).size()) {
                lines.add("h" + k + "," + parts.get(k).get(next[k]++));
            }
        }
        Path in = Files.write(dir.resolve("hosts.csv"), lines);
        Path out = dir.resolve("scores/hosts.csv");

        assertEquals(0, run("detect", "--input", in.toString(), "--series-column", "host", "--output",
                out.toString(), "--batch-size", "100", "--partitions", "2"), err::toString);

        List<String> got = Files.readAllLines(out);
        assertEquals("host,timestamp,value,anomaly_score,label", got.get(0));
        assertEquals(lines.size(), got.size());
        List<List<String>> alone = new ArrayList<>();
        for (List<String> p : parts) {
            alone.add(List.of(singleSeriesScores(p).split("\n")));
        }
        int[] at = {1, 1, 1};
        for (int i = 1; i < got.size(); i++) {
            int k = lines.get(i).charAt(1) - '0';
            assertTrue(got.get(i).startsWith(lines.get(i) + ","), "row " + i + " keeps its input fields");
            assertEquals("h" + k + "," + alone.get(k).get(at[k]++), got.get(i), "row " + i);
        }
        assertTrue(err.toString().contains("detect: 3 series, 1270 rows, "), err.toString());
    }

    @Test
    void shouldNameTheFileLineAndColumnOfABadRowOfAnySeriesAndWriteNothing() throws Exception {
        Path in = Files.createDirectories(dir.resolve("corpus"));
        Files.write(in.resolve("a.csv"), series(300, 1));
        List<String> bad = series(300, 2);
        bad.set(7, bad.get(7).split(",")[0] + ",4.2.1");
        Path b = Files.write(in.resolve("b.csv"), bad);
        Path out = dir.resolve("out");

        assertEquals(1, run("detect", "--input", in.toString(), "--output", out.toString()));
        assertEquals("detect: error: " + b + " line 8, column 2 (value): '4.2.1' is not a number",
                err.toString().strip());
        assertFalse(Files.exists(out));

        Path csv = Files.write(dir.resolve("hosts.csv"), List.of("timestamp,host,value", "2014-03-07 00:00:00,h1,1",
                "2014-03-07 00:05:00,h2,x1", "2014-03-07 00:10:00,h1,2"));
        err.getBuffer().setLength(0);
        assertEquals(1, run("detect", "--input", csv.toString(), "--series-column", "host", "--output",
                out.toString()));
        assertEquals("detect: error: " + csv + " line 3, column 3 (value): 'x1' is not a number",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(1, run("detect", "--input", csv.toString(), "--series-column", "sensor", "--output",
                out.toString()));
        assertEquals("detect: error: " + csv + " line 1: the header 'timestamp,host,value' must name the columns"
                + " timestamp, value and sensor (--series-column)", err.toString().strip());
        err.getBuffer().setLength(0);
        Files.write(csv, List.of("timestamp,host,value", "2014-03-07 00:00:00,h1,1", "2014-03-07 00:5:00,h2,3"));
        assertEquals(1, run("detect", "--input", csv.toString(), "--series-column", "host", "--output",
                out.toString()));
        assertEquals("detect: error: " + csv + " line 3, column 1 (timestamp): '2014-03-07 00:5:00' is not a"
                + " timestamp yyyy-MM-dd HH:mm:ss", err.toString().strip());
        assertFalse(Files.exists(out));
    }
}
