package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard had no request timeout, no connection limit and no Host check: about 20,000 half-open
 * requests exhausted the process's file descriptors, and any site could read it through DNS rebinding.
 */
class DashboardGuardsTest {

    private static Socket connect(DashboardServer s) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", s.address().getPort()), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String request(DashboardServer s, String host) throws IOException {
        try (Socket socket = connect(s)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /charts.json HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aForeignHostNameIsRefused() throws Exception {
        try (DashboardServer s = new DashboardServer("127.0.0.1", 0)) {
            int port = s.address().getPort();
            assertTrue(request(s, "127.0.0.1:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(request(s, "localhost:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(request(s, "[::1]:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(request(s, null).startsWith("HTTP/1.1 200"), "a client without Host (HTTP/1.0 style)");
            String evil = request(s, "attacker.example:" + port);
            assertTrue(evil.startsWith("HTTP/1.1 403") && evil.contains("DNS rebinding"), evil);
            assertTrue(request(s, "127.0.0.1.attacker.example").startsWith("HTTP/1.1 403"));
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedAndTheServerRecovers() throws Exception {
        try (DashboardServer s = new DashboardServer("127.0.0.1", 0, 8, 60_000)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    idle.add(connect(s));          // half-open requests: connected, nothing sent
                }
                try (Socket extra = connect(s)) {
                    String reply = new String(extra.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertTrue(reply.startsWith("HTTP/1.1 503"), reply);
                }
                assertEquals(1, s.refusedConnections());
            } finally {
                for (Socket x : idle) {
                    x.close();
                }
            }
            // once the idle ones are gone, the server answers again
            long deadline = System.nanoTime() + 20_000_000_000L;
            String ok = "";
            while (System.nanoTime() < deadline && !ok.startsWith("HTTP/1.1 200")) {
                ok = request(s, "127.0.0.1");
            }
            assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        }
    }

    @Test
    void aRequestThatNeverCompletesIsClosedAfterTheTimeout() throws Exception {
        try (DashboardServer s = new DashboardServer("127.0.0.1", 0, 8, 300)) {
            try (Socket slow = connect(s)) {
                slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
                InputStream in = slow.getInputStream();
                assertEquals(-1, in.read(), "the server closes a half-sent request");
            }
            assertFalse(request(s, "127.0.0.1").isEmpty(), "and serves the next one");
        }
    }
}
