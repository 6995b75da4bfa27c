package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.modelio.ModelIO;

/** Outputs that are inputs, directories or devices, undecodable inputs and write errors: each names the file. */
class FileChecksTest {
    @TempDir
    Path tmp;

    private Path csv(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), "label,a,b\n1,1,2\n2,3,4\n");
    }

    private Path model() throws IOException {
        Path m = tmp.resolve("m.json");
        ModelIO.save(new LinearRegressionModel(new double[] {1, 2}, 0.5), m);
        return m;
    }

    private static void assertRefused(CliRun r, String message) {
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void shouldRefuseToTrainOverItsOwnInputAndLeaveItAlone() throws Exception {
        Path in = csv("x.csv");
        String before = Files.readString(in);
        assertRefused(CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--output",
                in.toString(), "-q"), "train: error: --output '" + in + "' is the same file as --input '" + in
                + "'; writing it would overwrite the input");
        assertEquals(before, Files.readString(in));
    }

    @Test
    void shouldSeeTheSameFileThroughARelativePathAndASymbolicLink() throws Exception {
        Path in = csv("x.csv");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), in);
        Path m = model();
        assertRefused(CliRun.of("predict", "--model", m.toString(), "--input", in.toString(), "--output",
                link.toString()), "is the same file as --input");
        Path dotted = tmp.resolve("sub").resolve("..").resolve("x.csv");
        Files.createDirectories(tmp.resolve("sub"));
        assertRefused(CliRun.of("detect", "--input", in.toString(), "--output", dotted.toString()),
                "detect: error: --output '" + dotted + "' is the same file as --input");
        assertRefused(CliRun.of("model", "convert", m.toString(), tmp.resolve(".").resolve("m.json").toString()),
                "is the same file as IN");
        assertRefused(CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--trace",
                link.toString()), "--trace '" + link + "' is the same file as --input");
        assertEquals("label,a,b\n1,1,2\n2,3,4\n", Files.readString(in));
    }

    @Test
    void shouldStillContinueAModelIntoItsOwnFile() throws Exception {
        Path m = model();
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", csv("x.csv").toString(),
                "--initial-model", m.toString(), "--output", m.toString(), "-q");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, ModelIO.load(m).version());
    }

    @Test
    void shouldNameADirectoryGivenAsOutputOrInput() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        assertRefused(CliRun.of("train", "--algorithm", "linreg", "--input", csv("x.csv").toString(), "--output",
                dir.toString(), "-q"), "train: error: --output '" + dir + "' is a directory; name a file to write");
        assertRefused(CliRun.of("predict", "--model", model().toString(), "--input", dir.toString()),
                "predict: error: --input '" + dir + "' is a directory, not a file");
        assertRefused(CliRun.of("dataset", "sensors", "--rows", "3", "--output", dir.toString()),
                "dataset: error: --output '" + dir + "' is a directory");
    }

    @Test
    void shouldRefuseToReplaceAPipeOrDeviceGivenAsOutput() throws Exception {
        Path fifo = tmp.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        assertRefused(CliRun.of("train", "--algorithm", "linreg", "--input", csv("x.csv").toString(), "--output",
                fifo.toString(), "-q"), "--output '" + fifo + "' is not a regular file (a device or a pipe)");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
    }

    @Test
    void shouldSayInvalidUtf8InTheFileForEveryReader() throws Exception {
        Path train = tmp.resolve("bad.csv");
        Files.write(train, new byte[] {'l', ',', 'a', '\n', '1', ',', (byte) 0xff, '\n'});
        assertRefused(CliRun.of("train", "--algorithm", "linreg", "--input", train.toString(), "-q"),
                "train: error: bad.csv line 2: invalid UTF-8");
        assertRefused(CliRun.of("predict", "--model", model().toString(), "--input", train.toString()),
                "predict: error: bad.csv line 2: invalid UTF-8");
        Path series = tmp.resolve("bad-series.csv");
        Files.write(series, ("timestamp,value\n2014-01-01 00:00:00,\u00ff\n").getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun detect = CliRun.of("detect", "--input", series.toString(), "--output", tmp.resolve("o.csv").toString());
        assertRefused(detect, "bad-series.csv line 2: invalid UTF-8");
        assertFalse(detect.err().contains("Input length"), detect.err());
    }

    @Test
    void shouldNameTheFileOfAWriteError() {
        Path out = tmp.resolve("model.json");
        IOException e = assertThrows(IOException.class, () -> CliFiles.writing(out, () -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + out + ": No space left on device", e.getMessage());
        IOException named = assertThrows(IOException.class, () -> CliFiles.writing(out, () -> {
            throw new java.nio.file.FileSystemException(out.toString(), null, "Is a directory");
        }));
        assertEquals("cannot write " + out + ": Is a directory", named.getMessage());
    }
}
