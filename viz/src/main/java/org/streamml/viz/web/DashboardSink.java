package org.streamml.viz.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.streamml.viz.live.LiveBatchMetrics;
import org.streamml.viz.live.LiveChart;
import org.streamml.viz.live.ScoredSeries;
import org.streamml.viz.sink.FramePacing;
import org.streamml.viz.sink.RenderingSink;

/**
 * A web dashboard of live charts, drawn in the browser with uPlot (served from the jar: the page loads
 * nothing from outside) from JSON points that server-sent events bring. Three pages:
 * <ul>
 *   <li><b>streaming</b> - the engine's input rate, scheduling delay, processing time and total delay over
 *   the whole run, their histograms, a table of recent batches and the backlog (from {@link LiveBatchMetrics});</li>
 *   <li><b>models</b> - every other chart: model parameters, cluster centers, prequential metrics, drift;</li>
 *   <li><b>series</b> - the {@link ScoredSeries scored series} of an anomaly job: a searchable list and the
 *   top ones by current score, and the selected series' values, scores, threshold and alarms; only the
 *   selected series is ever sent in full, so ten thousand series cost ten thousand list entries.</li>
 * </ul>
 * Each frame (paced on its own thread, see {@link FramePacing}) turns every changed chart into one
 * message, downsampled to a bounded size; the server keeps only the latest message per chart. A chart
 * the browser cannot draw (a heatmap) is shown as an image drawn on request. When the sink closes, the page
 * is told the run finished and keeps showing the last data; {@link #keepServing} keeps the server up after
 * that until the process is stopped. Binds to loopback unless told otherwise; elsewhere, a warning is
 * printed and a token can be required.
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
    private final String token;
    private final Map<String, LiveChart> byName = new ConcurrentHashMap<>();
    /** The dashboards of finished runs that keep serving, see {@link #keepServing}. */
    private static final List<DashboardSink> KEPT = new CopyOnWriteArrayList<>();
    private volatile boolean keepServing;

    private DashboardSink(DashboardServer server, int width, int height, FramePacing pacing, String token) {
        super("streamml-viz-dashboard", pacing);
        this.server = server;
        this.width = width;
        this.height = height;
        this.token = token;
        server.renderer(new DashboardServer.Renderer() {
            @Override
            public String seriesEvent(String name) {
                LiveChart c = byName.get(name);
                return c instanceof ScoredSeries ? seriesData(c, c.version()) : null;
            }

            @Override
            public byte[] png(String name) {
                LiveChart c = byName.get(name);
                return c == null ? null : DashboardSink.this.png(c);
            }
        });
    }

    /**
     * Starts a dashboard on {@code host}:{@code port} (port 0 picks a free one) whose images (for charts the
     * browser cannot draw) are {@code width} x {@code height} pixels, redrawn as often as {@code pacing} allows.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static DashboardSink start(String host, int port, int width, int height, FramePacing pacing) {
        return start(host, port, width, height, pacing, null);
    }

    /**
     * {@link #start(String, int, int, int, FramePacing)} that, with a {@code token} (8 to 128 of
     * {@code [A-Za-z0-9._~-]}), serves only requests carrying it: {@link #uri()} then ends in
     * {@code ?token=TOKEN}, and the page keeps it in a cookie. Binding to an address other than loopback
     * prints a warning to standard error.
     */
    public static DashboardSink start(String host, int port, int width, int height, FramePacing pacing,
                                      String token) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dashboard port must be in [0, 65535]: " + port);
        }
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("image size must be at least 16x16 pixels: " + width + "x" + height);
        }
        Objects.requireNonNull(pacing, "pacing");
        DashboardSink sink = new DashboardSink(new DashboardServer(host, port, DashboardServer.MAX_CONNECTIONS,
                DashboardServer.REQUEST_TIMEOUT_MILLIS, token), width, height, pacing, token);
        InetAddress bound = sink.address().getAddress();
        if (!bound.isLoopbackAddress()) {
            System.err.println("warning: the dashboard listens on " + sink.address() + ", reachable from other machines"
                    + (token == null ? ", without a token: anyone who can reach it sees the run (--token T requires one)"
                    : "; it serves only requests with its token"));
        }
        return sink;
    }

    /** The address the dashboard listens on. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/} (ending in {@code ?token=T} with a token). */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/" + (token == null ? "" : "?token=" + token));
    }

    /** The number of browsers connected to the event stream. */
    public int clientCount() {
        return server.clientCount();
    }

    /** Waits at most {@code timeoutMillis} until {@code n} browsers are connected; returns whether they are. */
    public boolean awaitClients(int n, long timeoutMillis) throws InterruptedException {
        return server.awaitClients(n, timeoutMillis);
    }

    /**
     * Whether {@link #close()} leaves the server up, serving the finished run's last state, until
     * {@link #stopServing()} (the CLI's {@code --keep-serving}: it waits in {@link #awaitStopped()} until Ctrl-C).
     */
    public void keepServing(boolean keep) {
        this.keepServing = keep;
    }

    /** Stops the server of a closed {@link #keepServing keep-serving} dashboard (nothing if it was not kept). */
    public void stopServing() {
        if (KEPT.remove(this)) {
            server.close();
            synchronized (KEPT) {
                KEPT.notifyAll();
            }
        }
    }

    /** The addresses of the closed dashboards that keep serving their finished runs. */
    public static List<URI> kept() {
        return KEPT.stream().map(DashboardSink::uri).toList();
    }

    /** Waits until every closed dashboard that keeps serving was {@link #stopServing() stopped}. */
    public static void awaitStopped() throws InterruptedException {
        synchronized (KEPT) {
            while (!KEPT.isEmpty()) {
                KEPT.wait();
            }
        }
    }

    /** Whether the run finished: the page says so (set when the sink closes). */
    public boolean finished() {
        return server.finished();
    }

    @Override
    protected void chartAdded(LiveChart chart) {
        byName.put(chart.name(), chart);
    }

    @Override
    protected void draw(LiveChart chart, long version) {
        if (chart instanceof ScoredSeries s) {
            server.publishSeries(new DashboardState.SeriesEntry(chart.name(), chart.title(), version, s.currentScore(),
                    s.alarms()));
            if (server.selected(chart.name())) {
                server.publishSelected(chart.name(), seriesData(chart, version));
            }
            return;
        }
        String page = chart instanceof LiveBatchMetrics ? "streaming" : "models";
        Json json = header(chart, page, version);
        if (chart instanceof LiveBatchMetrics m) {
            StreamingJson.write(m, json);
        } else if (!PlotJson.write(chart.render(), json)) {
            json.key("image").value("chart/" + chart.name() + ".png?v=" + version);
        }
        json.endObject();
        server.publish(new DashboardState.Entry(chart.name(), chart.title(), page, version, event(json)));
    }

    private static Json header(LiveChart chart, String page, long version) {
        return new Json(16 * 1024).beginObject().key("name").value(chart.name()).key("title").value(chart.title())
                .key("page").value(page).key("version").value(version);
    }

    private static String event(Json json) {
        return "event: chart\ndata: " + json + "\n\n";
    }

    /** The data event of a scored series: its plots plus its score, threshold and alarms. */
    private static String seriesData(LiveChart chart, long version) {
        ScoredSeries s = (ScoredSeries) chart;
        Json json = header(chart, "series", version).key("score").value(s.currentScore()).key("threshold")
                .value(s.threshold()).key("alarms").value(s.alarms());
        if (!PlotJson.write(chart.render(), json)) {
            json.key("image").value("chart/" + chart.name() + ".png?v=" + version);
        }
        return event(json.endObject());
    }

    private byte[] png(LiveChart chart) {
        JFreeChart jfc = chart.render();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, jfc, width, height, false, PNG_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.name() + "' as PNG", e);
        }
        return out.toByteArray();
    }

    @Override
    protected void frameDrawn() {
        server.frameDone();
    }

    /**
     * Tells the page the run finished (it keeps showing the last data), then stops the server, or, if
     * {@link #keepServing}, leaves it serving until {@link #stopServing()}.
     */
    @Override
    protected void release() {
        server.finish();
        if (keepServing) {
            KEPT.add(this);
        } else {
            server.close();
        }
    }
}
