package org.streamml.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.time.Duration;
import org.streamml.streaming.InputDStream;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;

class SocketTextSourceTest {
    private static final int LINE_BYTES = 100;

    /** A server that sends {@code lines} numbered lines of 100 bytes to its one client, then closes. */
    private static final class Sender implements AutoCloseable {
        final ServerSocket server;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread thread;

        Sender(int lines) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
                    for (int i = 0; i < lines; i++) {
                        out.write(line(i).getBytes(StandardCharsets.UTF_8));
                        out.write(i % 2 == 0 ? "\n".getBytes(StandardCharsets.UTF_8)
                                : "\r\n".getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    error.set(e);
                } finally {
                    done.countDown();
                }
            }, "test-sender");
            thread.start();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }

    static String line(int i) {
        String n = Integer.toString(i);
        return "x".repeat(LINE_BYTES - n.length() - 1) + ":" + n;
    }

    /** Spins (no sleep) until {@code condition} holds or ten seconds pass. */
    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void shouldBlockAFastSenderWithoutGrowingOrDroppingAnything() throws Exception {
        int lines = 400_000;
        int capacity = 1000;
        SocketTextSource.Options options = SocketTextSource.Options.defaults()
                .withCapacity(capacity).withMaxLinesPerBatch(700).withReceiveBufferBytes(64 * 1024);
        try (Sender sender = new Sender(lines)) {
            SocketTextSource source = new SocketTextSource("127.0.0.1", sender.server.getLocalPort(), options);
            source.start();
            try {
                assertTrue(await(source::isPaused), "the receiver pauses once its buffer is full");
                assertEquals(capacity, source.buffered());
                assertEquals(1, sender.done.getCount(), "40 MB cannot all be in flight: the sender is blocked");
                int next = 0;
                long batch = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (next < lines && System.nanoTime() < deadline) {
                    List<String> got = source.poll(Time.ofMillis(++batch * 1000));
                    assertTrue(got.size() <= 700);
                    for (String s : got) {
                        assertEquals(line(next), s);
                        next++;
                    }
                    if (got.isEmpty()) {
                        Thread.onSpinWait();
                    }
                }
                assertEquals(lines, next);
                assertTrue(sender.done.await(10, TimeUnit.SECONDS));
                assertEquals(null, sender.error.get());
                assertTrue(await(source::isExhausted));
                assertEquals(lines, source.offset());
                assertTrue(source.highWaterMark() <= capacity, "high water mark " + source.highWaterMark());
                assertFalse(org.streamml.streaming.ReplayableSource.class.isAssignableFrom(source.getClass()),
                        "a socket is not replayable");
            } finally {
                source.close();
            }
        }
        List<String> leftover = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("streamml-socket-")) {
                t.join(10_000);
                if (t.isAlive()) {
                    leftover.add(t.getName());
                }
            }
        }
        assertEquals(List.of(), leftover);
    }

    @Test
    void shouldFeedAStreamAndLetItStopWhenTheServerCloses() throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(2).withThreads(2));
        Map<Long, List<String>> batches = new ConcurrentSkipListMap<>();
        try (Sender sender = new Sender(25)) {
            InputDStream<String> in = ssc.socketTextStream("127.0.0.1", sender.server.getLocalPort(),
                    SocketTextSource.Options.defaults().withMaxLinesPerBatch(10));
            in.foreachBatch((b, t) -> batches.put(t.millis(), b.collect()));
            ssc.start();
            SocketTextSource source = (SocketTextSource) in.source();
            assertTrue(await(() -> source.isReceiveFinished() && source.buffered() == 25));
            clock.advance(3000);
            assertTrue(ssc.awaitTerminationOrTimeout(10_000), "the stream ends once the server closed");
        }
        assertEquals(List.of(10, 10, 5), batches.values().stream().map(List::size).toList());
        assertEquals(line(0), batches.get(1000L).get(0));
        assertEquals(line(24), batches.get(3000L).get(4));
    }

    @Test
    void shouldFailClearlyWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SocketTextSource source = new SocketTextSource("127.0.0.1", port, SocketTextSource.Options.defaults());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, source::start);
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port), e.getMessage());
        source.close();
    }
}
