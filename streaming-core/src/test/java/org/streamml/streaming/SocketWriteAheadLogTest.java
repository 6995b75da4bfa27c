package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.source.SocketTextSource;

/**
 * The receiver write-ahead log of a real socket source: every line received is on the disk before it is
 * buffered, so a context stopped abruptly with lines received but not yet taken by a batch loses none of
 * them on restart (the sender, like any TCP sender, does not send them again), and the batches after the
 * checkpoint are replayed with the same lines.
 */
class SocketWriteAheadLogTest {
    private static final int LINES = 60;
    private static final int PER_BATCH = 10;

    @TempDir
    Path dir;
    private ServerSocket server;
    private Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();

    /** The first connection gets all the lines, later ones none; each is closed after its lines. */
    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    if (connections.getAndIncrement() == 0) {
                        StringBuilder text = new StringBuilder();
                        for (int i = 0; i < LINES; i++) {
                            text.append("w").append(i * 7 % 5).append('\n');
                        }
                        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-line-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        acceptor.join(5_000);
    }

    private SocketTextSource source() {
        return new SocketTextSource("127.0.0.1", server.getLocalPort(),
                SocketTextSource.Options.defaults().withMaxLinesPerBatch(PER_BATCH));
    }

    private static StreamingContext context(Clock clock) {
        return new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(clock).withDefaultPartitions(2).withThreads(2));
    }

    private static void build(StreamingContext ssc, SocketTextSource source, Map<String, String> out) {
        ssc.source(source).mapToPair(w -> Pair.of(w, 1L))
                .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                .foreachBatch((b, t) -> {
                    List<String> rows = new ArrayList<>();
                    b.collect().forEach(p -> rows.add(p.toString()));
                    rows.sort(null);
                    out.put(String.format("%05d", t.millis()), String.join(",", rows));
                });
    }

    /** Waits until the receiver has every line the server sent (the lines arrive on their own thread). */
    private static void awaitReceived(SocketTextSource s, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (s.buffered() < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(lines, s.buffered(), "lines received");
    }

    /** Runs 3 batches (checkpointing every 2nd) with 30 lines still buffered, then stops abruptly. */
    private void brokenRun(StreamingContext first, SocketTextSource source, ManualClock clock) throws Exception {
        first.start();
        awaitReceived(source, LINES);
        clock.advance(3000);
        assertTrue(first.awaitBatch(Time.ofMillis(3000), 30_000));
        first.stop(false);
        first.awaitTerminationOrTimeout(30_000);
        assertEquals(LINES - 3 * PER_BATCH, source.buffered(), "lines received and never taken");
    }

    private Map<String, String> unbroken() throws Exception {
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        SocketTextSource source = source();
        try (StreamingContext ssc = context(clock)) {
            build(ssc, source, out);
            ssc.start();
            awaitReceived(source, LINES);
            // The run ends at the first batch after the end of the stream: the receiver must have seen the
            // server close before the clock passes the last batch, or no batch would ever see the end.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!source.isReceiveFinished() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(source.isReceiveFinished(), "the receiver saw the end of the stream");
            clock.advance(1000L * (LINES / PER_BATCH + 1));
            ssc.awaitTermination();
        }
        return new TreeMap<>(out);
    }

    @Test
    void linesReceivedButNotTakenSurviveAnAbruptStop() throws Exception {
        Map<String, String> expected = unbroken();
        assertEquals(LINES / PER_BATCH, expected.size(), expected.toString());
        connections.set(0);

        Path ckpt = dir.resolve("ckpt");
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        SocketTextSource firstSource = source();
        StreamingContext first = context(clock).checkpoint(ckpt, 2, 2);
        build(first, firstSource, out);
        brokenRun(first, firstSource, clock);

        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock()).checkpoint(ckpt, 2, 2);
            build(c, source(), out);
            return c;
        });
        assertEquals(Optional.of(Time.ofMillis(2000)), second.restoredFrom());
        second.start();
        second.awaitTermination();
        assertEquals(2, connections.get(), "the restart connected again and received nothing new");
        // Batch 3 is replayed from the log, batches 4 to 6 take the 30 lines received before the stop.
        assertEquals(expected, new TreeMap<>(out));
    }

    @Test
    void aTornBlockAtTheEndOfTheLogIsCutOff() throws Exception {
        Map<String, String> expected = unbroken();
        connections.set(0);
        Path ckpt = dir.resolve("torn");
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        SocketTextSource firstSource = source();
        StreamingContext first = context(clock).checkpoint(ckpt, 2, 2);
        build(first, firstSource, out);
        brokenRun(first, firstSource, clock);
        // A crash inside an append leaves part of a block: a length that promises more than follows.
        Path newest;
        try (Stream<Path> s = Files.list(ckpt.resolve("wal").resolve("stream-0"))) {
            newest = s.sorted().reduce((a, b) -> b).orElseThrow();
        }
        long before = Files.size(newest);
        try (FileChannel c = FileChannel.open(newest, StandardOpenOption.APPEND)) {
            c.write(ByteBuffer.allocate(12).putInt(1000).putInt(7).putInt(0).flip());
        }
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock()).checkpoint(ckpt, 2, 2);
            build(c, source(), out);
            return c;
        });
        second.start();
        second.awaitTermination();
        assertEquals(expected, new TreeMap<>(out));
        assertTrue(Files.notExists(newest) || Files.size(newest) >= before, "the good blocks were kept");
    }

    @Test
    void withoutACheckpointDirectoryTheBufferedLinesAreLost() throws Exception {
        // Control: the same abrupt stop with no log loses the 30 buffered lines, so the test above owes its
        // equality to the log.
        Map<String, String> expected = unbroken();
        connections.set(0);
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        SocketTextSource firstSource = source();
        StreamingContext first = context(clock);
        build(first, firstSource, out);
        brokenRun(first, firstSource, clock);
        try (StreamingContext second = context(new FastForwardClock())) {
            build(second, source(), out);
            second.start();
            second.awaitTermination();
        }
        assertNotEquals(expected, new TreeMap<>(out));
    }
}
