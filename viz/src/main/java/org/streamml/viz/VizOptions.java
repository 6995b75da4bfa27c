package org.streamml.viz;

import java.nio.file.Path;
import java.util.Objects;
import org.streamml.viz.sink.FramePacing;

/**
 * Where live charts go and how they look: a web dashboard, a directory of image snapshots and a desktop
 * window, each optional.
 *
 * @param dashboardPort the dashboard's port, 0 for any free port, or -1 for no dashboard
 * @param dashboardHost the address the dashboard binds to ({@code 127.0.0.1} by default: only this machine)
 * @param chartsDir the directory for PNG and SVG snapshots, or {@code null} for none
 * @param snapshotEvery write a chart's snapshot every this many batches (and at the end), >= 1
 * @param desktop whether to open a Swing window
 * @param width the width of rendered charts in pixels, >= 16
 * @param height the height of rendered charts in pixels, >= 16
 * @param pacing how often the dashboard and the window may draw (files are written when due)
 * @param history the number of points each chart keeps, >= 1
 */
public record VizOptions(int dashboardPort, String dashboardHost, Path chartsDir, int snapshotEvery, boolean desktop,
                         int width, int height, FramePacing pacing, int history) {

    /** Validates the options. */
    public VizOptions {
        Objects.requireNonNull(dashboardHost, "dashboardHost");
        if (dashboardPort < -1 || dashboardPort > 65535) {
            throw new IllegalArgumentException("dashboard port must be -1 (none) or in [0, 65535]: " + dashboardPort);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1 batch: " + snapshotEvery);
        }
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("image size must be at least 16x16 pixels: " + width + "x" + height);
        }
        Objects.requireNonNull(pacing, "pacing");
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1 point: " + history);
        }
    }

    /**
     * No sink at all; 800x400 charts, {@link FramePacing#defaults()}, snapshots every 10 batches, 2000 points
     * kept.
     */
    public static VizOptions defaults() {
        return new VizOptions(-1, "127.0.0.1", null, 10, false, 800, 400, FramePacing.defaults(), 2000);
    }

    /** A copy with a dashboard on {@code port} (0: any free port; -1: none). */
    public VizOptions withDashboardPort(int port) {
        return new VizOptions(port, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                pacing, history);
    }

    /** A copy whose dashboard binds to {@code host} (for example {@code 0.0.0.0} to serve other machines). */
    public VizOptions withDashboardHost(String host) {
        return new VizOptions(dashboardPort, host, chartsDir, snapshotEvery, desktop, width, height,
                pacing, history);
    }

    /** A copy writing snapshots into {@code dir} ({@code null}: none). */
    public VizOptions withChartsDir(Path dir) {
        return new VizOptions(dashboardPort, dashboardHost, dir, snapshotEvery, desktop, width, height,
                pacing, history);
    }

    /** A copy writing snapshots every {@code batches} batches. */
    public VizOptions withSnapshotEvery(int batches) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, batches, desktop, width, height,
                pacing, history);
    }

    /** A copy that does or does not open a desktop window. */
    public VizOptions withDesktop(boolean open) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, open, width, height,
                pacing, history);
    }

    /** A copy rendering charts of {@code w} x {@code h} pixels. */
    public VizOptions withSize(int w, int h) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, w, h,
                pacing, history);
    }

    /** A copy whose dashboard and window draw as often as {@code newPacing} allows. */
    public VizOptions withPacing(FramePacing newPacing) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                newPacing, history);
    }

    /** A copy whose charts keep {@code points} points. */
    public VizOptions withHistory(int points) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                pacing, points);
    }
}
