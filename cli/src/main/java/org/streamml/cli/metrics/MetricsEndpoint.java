package org.streamml.cli.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * An HTTP server (the JDK's) answering {@code GET /metrics} with the text {@code scrape} gives, in Prometheus'
 * text exposition format; other paths get 404, other methods 405. One daemon thread serves the requests.
 */
public final class MetricsEndpoint implements Closeable {
    /** The content type of Prometheus' text format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Serves on {@code address:port} ({@code port} 0: any free port, see {@link #port}).
     *
     * @throws IOException naming the address when it cannot be bound (a port in use)
     */
    public MetricsEndpoint(InetAddress address, int port, Supplier<String> scrape) throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new IOException("cannot serve the metrics on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage(), e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, scrape);
            }
        });
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "streamml-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    private static void answer(HttpExchange exchange, Supplier<String> scrape) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/metrics")) {
            send(exchange, 404, "not found: the metrics are on /metrics\n");
        } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "method not allowed: GET /metrics\n");
        } else {
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The port served (the one chosen when 0 was asked). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://ADDRESS:PORT/metrics}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/metrics");
    }

    /** Stops serving; a request under way is cut short. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
