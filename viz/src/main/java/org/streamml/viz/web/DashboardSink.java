package org.streamml.viz.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.streamml.viz.live.LiveChart;
import org.streamml.viz.sink.FramePacing;
import org.streamml.viz.sink.RenderingSink;

/**
 * A web dashboard of live charts. It renders each chart to a PNG on its own thread (skipping frames it
 * has no time for), keeps only the latest PNG per chart, and serves a self-contained page (no external
 * scripts, styles or fonts) that lists the charts and swaps in each new frame as server-sent events
 * announce it. Binds to loopback unless told otherwise.
 *
 * <pre>{@code
 * try (DashboardSink web = DashboardSink.start("127.0.0.1", 8080, 720, 360, FramePacing.defaults())) {
 *     web.add(chart);
 *     System.err.println("dashboard: " + web.uri());
 *     ...
 * }
 * }</pre>
 */
public final class DashboardSink extends RenderingSink {
    /** zlib level 1: on loopback a slightly larger image costs less than compressing it harder. */
    private static final int PNG_COMPRESSION = 1;
    private final DashboardServer server;
    private final int width;
    private final int height;

    private DashboardSink(DashboardServer server, int width, int height, FramePacing pacing) {
        super("streamml-viz-dashboard", pacing);
        this.server = server;
        this.width = width;
        this.height = height;
    }

    /**
     * Starts a dashboard on {@code host}:{@code port} (port 0 picks a free one) whose charts are
     * {@code width} x {@code height} pixels, redrawn as often as {@code pacing} allows.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static DashboardSink start(String host, int port, int width, int height, FramePacing pacing) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dashboard port must be in [0, 65535]: " + port);
        }
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("image size must be at least 16x16 pixels: " + width + "x" + height);
        }
        java.util.Objects.requireNonNull(pacing, "pacing");
        return new DashboardSink(new DashboardServer(host, port), width, height, pacing);
    }

    /** The address the dashboard listens on. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** The number of browsers connected to the event stream. */
    public int clientCount() {
        return server.clientCount();
    }

    /** Waits at most {@code timeoutMillis} until {@code n} browsers are connected; returns whether they are. */
    public boolean awaitClients(int n, long timeoutMillis) throws InterruptedException {
        return server.awaitClients(n, timeoutMillis);
    }

    @Override
    protected void draw(LiveChart chart, long version) {
        JFreeChart jfc = chart.render();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, jfc, width, height, false, PNG_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.name() + "' as PNG", e);
        }
        server.publish(new ChartFrame(chart.name(), chart.title(), version, out.toByteArray()));
    }

    @Override
    protected void release() {
        server.close();
    }
}
