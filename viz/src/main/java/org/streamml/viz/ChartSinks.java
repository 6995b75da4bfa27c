package org.streamml.viz;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.streamml.streaming.StreamingContext;
import org.streamml.viz.live.LiveBatchMetrics;
import org.streamml.viz.live.LiveChart;
import org.streamml.viz.live.LiveModelParameters;
import org.streamml.viz.sink.ChartSink;
import org.streamml.viz.sink.DesktopSink;
import org.streamml.viz.sink.FileSink;
import org.streamml.viz.web.DashboardSink;

/**
 * The easy way in: opens the sinks {@link VizOptions} asks for (dashboard, files, window) and shows every
 * chart added on all of them. With no sink requested it still works, and charts cost next to nothing.
 *
 * <pre>{@code
 * try (ChartSinks charts = ChartSinks.open(VizOptions.defaults().withDashboardPort(8080)
 *         .withChartsDir(Path.of("charts")))) {
 *     charts.attachBatchMetrics(ssc);
 *     learner.onModel(charts.modelParameters("weights"));       // a Consumer<Model>
 *     LiveLines rmse = charts.add(LiveLines.metrics("rmse", List.of("rmse"), charts.options().history()));
 *     ssc.start();
 *     ssc.awaitTermination();
 * }                                                             // final snapshots written here
 * }</pre>
 */
public final class ChartSinks implements AutoCloseable {
    private final VizOptions options;
    private final List<ChartSink> sinks;
    private final DashboardSink dashboard;
    private final List<LiveChart> charts = new ArrayList<>();

    private ChartSinks(VizOptions options, List<ChartSink> sinks, DashboardSink dashboard) {
        this.options = options;
        this.sinks = sinks;
        this.dashboard = dashboard;
    }

    /**
     * Opens the sinks of {@code options}.
     *
     * @throws IllegalStateException if the dashboard's port cannot be bound or a window needs a display
     * @throws java.io.UncheckedIOException if the charts directory cannot be created
     */
    public static ChartSinks open(VizOptions options) {
        Objects.requireNonNull(options, "options");
        List<ChartSink> sinks = new ArrayList<>();
        DashboardSink dashboard = null;
        try {
            if (options.dashboardPort() >= 0) {
                dashboard = DashboardSink.start(options.dashboardHost(), options.dashboardPort(), options.width(),
                        options.height(), options.pacing(), options.dashboardToken());
                dashboard.keepServing(options.keepServing());
                sinks.add(dashboard);
            }
            if (options.chartsDir() != null) {
                sinks.add(new FileSink(options.chartsDir(), options.snapshotEvery(), options.width(), options.height(),
                        EnumSet.allOf(FileSink.Format.class)));
            }
            if (options.desktop()) {
                sinks.add(new DesktopSink("StreamML", options.width(), options.height(),
                        options.pacing()));
            }
        } catch (RuntimeException e) {
            sinks.forEach(ChartSink::close);
            throw e;
        }
        return new ChartSinks(options, List.copyOf(sinks), dashboard);
    }

    /**
     * Opens a dashboard on loopback {@code dashboardPort} (-1: none) and snapshots into {@code chartsDir}
     * ({@code null}: none), with the other options at their defaults: what {@code --dashboard PORT} and
     * {@code --charts DIR} ask for.
     */
    public static ChartSinks open(int dashboardPort, Path chartsDir) {
        return open(VizOptions.defaults().withDashboardPort(dashboardPort).withChartsDir(chartsDir));
    }

    /** The options these sinks were opened with. */
    public VizOptions options() {
        return options;
    }

    /** Shows {@code chart} on every sink and returns it. */
    public synchronized <C extends LiveChart> C add(C chart) {
        for (ChartSink sink : sinks) {
            sink.add(chart);
        }
        charts.add(chart);
        return chart;
    }

    /** Adds a chart of the engine's throughput and latency, fed by {@code ssc}'s per-batch metrics. */
    public LiveBatchMetrics attachBatchMetrics(StreamingContext ssc) {
        LiveBatchMetrics chart = add(new LiveBatchMetrics("batches", options.history()));
        ssc.addStreamingListener(chart);
        return chart;
    }

    /** Adds a chart of a model's parameters per batch; give it to a learner as its model callback. */
    public LiveModelParameters modelParameters(String name) {
        return add(new LiveModelParameters(name, 24, options.history()));
    }

    /** The charts added so far. */
    public synchronized List<LiveChart> charts() {
        return List.copyOf(charts);
    }

    /**
     * Stops the dashboard that a {@link VizOptions#keepServing() keep-serving} {@link #close()} left serving;
     * does nothing without one.
     */
    public void stopServing() {
        if (dashboard != null) {
            dashboard.stopServing();
        }
    }

    /**
     * If dashboards of finished runs are still serving ({@link VizOptions#keepServing()}), says where on
     * {@code out} and waits until they are stopped or the thread is interrupted (for a command-line program:
     * until Ctrl-C ends the process); returns at once, false, when there are none.
     */
    public static boolean serveFinishedRuns(java.io.PrintWriter out) throws InterruptedException {
        List<URI> kept = DashboardSink.kept();
        if (kept.isEmpty()) {
            return false;
        }
        for (URI uri : kept) {
            out.println("The run finished; the dashboard keeps serving its last state on " + uri
                    + " until you press Ctrl-C");
        }
        out.flush();
        DashboardSink.awaitStopped();
        return true;
    }

    /** The dashboard's address, if a dashboard was opened. */
    public Optional<URI> dashboardUri() {
        return Optional.ofNullable(dashboard).map(DashboardSink::uri);
    }

    /**
     * Draws a last frame of every chart on every sink (writing the final snapshots) and closes them. The
     * dashboard is closed last: the page says the run finished and keeps its last data; with
     * {@link VizOptions#keepServing()} its server goes on serving that until {@link #stopServing()}, and a
     * command-line program calls {@link #serveFinishedRuns} before it exits.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        List<ChartSink> order = new ArrayList<>(sinks);
        if (dashboard != null) {
            order.remove(dashboard);
            order.add(dashboard);
        }
        for (ChartSink sink : order) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
