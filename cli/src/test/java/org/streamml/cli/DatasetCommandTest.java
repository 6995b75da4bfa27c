package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatasetCommandTest {
    @TempDir
    Path tmp;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeedAndOtherBytesForAnother() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Path c = tmp.resolve("c.csv");
        assertEquals(0, run("dataset", "sensors", "--rows", "300", "--seed", "5", "--output", a.toString()).status());
        assertEquals(0, run("dataset", "sensors", "--rows", "300", "--seed", "5", "--output", b.toString()).status());
        assertEquals(0, run("dataset", "sensors", "--rows", "300", "--seed", "6", "--output", c.toString()).status());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        List<String> lines = Files.readAllLines(a);
        assertEquals(301, lines.size());
        assertEquals("timestamp,step,channel,value,anomaly,kind", lines.get(0));
        try (var files = Files.list(tmp)) {
            assertEquals(3, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void shouldListEveryDatasetWithItsColumnsAndTheShippedFiles() {
        Result r = run("dataset", "list");
        assertEquals(0, r.status());
        for (String name : List.of("linear", "logistic", "mixture", "sea", "hyperplane", "sensors", "neural",
                "transactions", "tweets", "nab/realKnownCause/nyc_taxi.csv", "spark-mllib/sample_libsvm_data.txt")) {
            assertTrue(r.out().contains(name), name);
        }
        assertTrue(r.out().contains("ground truth: 1 fraud, 0 genuine"));
    }

    @Test
    void shouldFailWithOneClearLineForAnUnknownDatasetOrAMissingFolder() {
        Result unknown = run("dataset", "nope");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().startsWith("dataset: error: unknown dataset 'nope'; known: linear"), unknown.err());
        Result folder = run("dataset", "linear", "--output", tmp.resolve("missing/x.csv").toString());
        assertEquals(1, folder.status());
        assertTrue(folder.err().contains("does not exist"), folder.err());
    }
}
