package org.streamml.demos;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.streamml.viz.ChartSinks;
import org.streamml.viz.VizOptions;
import org.streamml.viz.live.LiveChart;
import org.streamml.viz.sink.FileSink;

/**
 * Where a demo's live charts go: the web dashboard when {@code --dashboard} asks for one, and PNG snapshots in
 * the charts directory ({@code --charts}, by default {@code demo-out/NAME}), rewritten every few batches and
 * once more at the end. PNG only: the demos' long series make SVG files of many megabytes.
 */
final class DemoCharts implements AutoCloseable {
    private final ChartSinks dashboard;
    private final FileSink files;

    private DemoCharts(ChartSinks dashboard, FileSink files) {
        this.dashboard = dashboard;
        this.files = files;
    }

    /**
     * Opens the sinks {@code settings} ask for, charts of {@code width} x {@code height} pixels, snapshots every
     * {@code snapshotEvery} publishes of a chart.
     */
    static DemoCharts open(DemoSettings settings, String demoName, int width, int height, int snapshotEvery) {
        VizOptions viz = settings.viz(demoName).withSize(width, height);
        FileSink files = new FileSink(viz.chartsDir(), snapshotEvery, width, height, EnumSet.of(FileSink.Format.PNG));
        try {
            return new DemoCharts(ChartSinks.open(viz.withChartsDir(null)), files);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Shows {@code chart} on the dashboard and in the charts directory, and returns it. */
    <C extends LiveChart> C add(C chart) {
        dashboard.add(chart);
        files.add(chart);
        return chart;
    }

    /**
     * Shows the engine's per-batch metrics of {@code ssc} (input rate, delays, the batch table) on the
     * dashboard's streaming page; no files.
     */
    void attachBatchMetrics(org.streamml.streaming.StreamingContext ssc) {
        dashboard.attachBatchMetrics(ssc);
    }

    /** The directory the PNG files go to. */
    Path dir() {
        return files.dir();
    }

    /** The dashboard's address, if one was opened. */
    Optional<String> dashboardUri() {
        return dashboard.dashboardUri().map(Object::toString);
    }

    /** Writes the final snapshots and closes the dashboard. */
    @Override
    public void close() {
        try {
            files.close();
        } finally {
            dashboard.close();
        }
    }
}
