package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training run whose model becomes NaN fails naming the batch; a worker explains a silent disconnect. */
class DivergenceAndWorkerTest {
    @TempDir
    Path tmp;

    /** Before, this exited 0 and printed a summary: nothing checked the model without --output. */
    @Test
    void shouldFailTheRunNamingTheBatchThatMadeTheModelNonFinite() throws Exception {
        Path in = Files.writeString(tmp.resolve("div.csv"), "y,a\n1,0.001\n1,0.002\n1e200,1e200\n1,1\n");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--batch-size", "1",
                "-q");
        assertEquals(1, r.status(), r.err());
        assertEquals("train: error: the model diverged to NaN or infinite parameters in batch 3 (records 3 to 3 of "
                + in + "): lower --step-size or scale the features (SGD diverged)", r.err().trim());
        assertEquals("", r.out());
    }

    @Test
    void shouldNotSaveADivergedModel() throws Exception {
        Path in = Files.writeString(tmp.resolve("div.csv"), "y,a\n1,0.001\n1e200,1e200\n");
        Path out = tmp.resolve("m.json");
        CliRun r = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--batch-size", "1",
                "--output", out.toString(), "-q");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("in batch 2 (records 2 to 2 of"), r.err());
        assertFalse(Files.exists(out));
    }

    /** Before, a connection closed without a word from the driver printed "worker: error: null". */
    @Test
    void shouldExplainAConnectionThatClosedBeforeTheHandshake() throws Exception {
        try (ServerSocket notADriver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
                try (Socket s = notADriver.accept()) {
                    s.getInputStream().readNBytes(1); // the worker speaks first; then hang up without a word
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            PrintStream saved = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                status = Main.run("worker", "--master", "127.0.0.1:" + notADriver.getLocalPort());
            } finally {
                System.setErr(saved);
            }
            closer.get(10, TimeUnit.SECONDS);
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, status, message);
            assertTrue(message.contains("worker: error: the connection to 127.0.0.1:" + notADriver.getLocalPort()
                    + " closed before a driver accepted this worker"), message);
            assertFalse(message.contains("null"), message);
        }
    }
}
