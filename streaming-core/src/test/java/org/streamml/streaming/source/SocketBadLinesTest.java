package org.streamml.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.Time;

/**
 * The socket source used to replace invalid UTF-8 with U+FFFD silently, and to stop at a line over the
 * limit without delivering the good lines received before it. Now a bad line follows the bad-record policy,
 * and every line before it reaches a batch first.
 */
class SocketBadLinesTest {

    /** Serves {@code bytes} to one client over a real loopback socket, then closes. */
    private static ServerSocket serve(byte[] bytes) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write(bytes);
            } catch (IOException e) {
                // the test sees what arrived
            }
        }, "test-bad-lines-sender");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static byte[] lines(String before, byte[] bad, String after) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(bad);
        b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** Polls until the source fails or is exhausted; returns the lines delivered before that. */
    private static List<String> drain(SocketTextSource source, List<Throwable> failure) throws Exception {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long batch = 0;
        while (System.nanoTime() < deadline && !source.isExhausted()) {
            try {
                got.addAll(source.poll(Time.ofMillis(++batch * 1000)));
            } catch (IOException e) {
                failure.add(e);
                return got;
            }
            Thread.onSpinWait();
        }
        return got;
    }

    private static final byte[] BAD_UTF8 = {'a', (byte) 0xC3, '(', '\n'};

    @Test
    void invalidUtf8FailsTheStreamAfterTheLinesBeforeIt() throws Exception {
        try (ServerSocket server = serve(lines("one\ntwo\n", BAD_UTF8, "three\n"))) {
            SocketTextSource source = new SocketTextSource("127.0.0.1", server.getLocalPort(),
                    SocketTextSource.Options.defaults());
            source.start();
            try {
                List<Throwable> failure = new ArrayList<>();
                assertEquals(List.of("one", "two"), drain(source, failure));
                assertEquals(1, failure.size(), "the stream fails on the bad line");
                String m = failure.get(0).getMessage();
                assertTrue(m.contains("127.0.0.1:" + server.getLocalPort()) && m.contains("line 3")
                        && m.contains("byte offset 8") && m.contains("UTF-8"), m);
            } finally {
                source.close();
            }
        }
    }

    @Test
    void skipAndCountDropsTheBadLineAndGoesOn() throws Exception {
        try (ServerSocket server = serve(lines("one\ntwo\n", BAD_UTF8, "three\n"))) {
            SocketTextSource source = new SocketTextSource("127.0.0.1", server.getLocalPort(),
                    SocketTextSource.Options.defaults().withBadRecords(BadRecordPolicy.SKIP_AND_COUNT));
            source.start();
            try {
                List<Throwable> failure = new ArrayList<>();
                assertEquals(List.of("one", "two", "three"), drain(source, failure));
                assertEquals(List.of(), failure);
                assertEquals(1, source.skippedRecords());
                assertTrue(source.poll(Time.ofMillis(99_000)).stream().noneMatch(s -> s.contains("\uFFFD")));
            } finally {
                source.close();
            }
        }
    }

    @Test
    void theLinesBeforeAnOversizedLineAreDelivered() throws Exception {
        byte[] big = ("y".repeat(5000) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = serve(lines("one\ntwo\n", big, "three\n"))) {
            SocketTextSource source = new SocketTextSource("127.0.0.1", server.getLocalPort(),
                    SocketTextSource.Options.defaults().withMaxLineBytes(1000));
            source.start();
            try {
                List<Throwable> failure = new ArrayList<>();
                assertEquals(List.of("one", "two"), drain(source, failure));
                assertEquals(1, failure.size());
                assertTrue(failure.get(0).getMessage().contains("longer than 1000 bytes"), failure.get(0).getMessage());
                assertTrue(failure.get(0).getMessage().length() < 400, failure.get(0).getMessage());
            } finally {
                source.close();
            }
        }
        try (ServerSocket server = serve(lines("one\ntwo\n", big, "three\n"))) {
            SocketTextSource source = new SocketTextSource("127.0.0.1", server.getLocalPort(),
                    SocketTextSource.Options.defaults().withMaxLineBytes(1000)
                            .withBadRecords(BadRecordPolicy.SKIP_AND_COUNT));
            source.start();
            try {
                List<Throwable> failure = new ArrayList<>();
                assertEquals(List.of("one", "two", "three"), drain(source, failure));
                assertEquals(1, source.skippedRecords());
                assertThrows(IllegalArgumentException.class, () -> SocketTextSource.Options.defaults()
                        .withMaxLineBytes(0));
            } finally {
                source.close();
            }
        }
    }
}
