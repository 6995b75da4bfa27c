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
 * @param dashboardToken the token the dashboard requires of every request (8 to 128 of {@code [A-Za-z0-9._~-]}),
 *        or {@code null} for none
 * @param keepServing whether closing the sinks keeps the dashboard serving the finished run's last state
 *        until the process is stopped (Ctrl-C) instead of stopping it
 */
public record VizOptions(int dashboardPort, String dashboardHost, Path chartsDir, int snapshotEvery, boolean desktop,
                         int width, int height, FramePacing pacing, int history, String dashboardToken,
                         boolean keepServing) {

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
        if (dashboardToken != null && !dashboardToken.matches("[A-Za-z0-9._~-]{8,128}")) {
            throw new IllegalArgumentException("the dashboard token must be 8 to 128 of [A-Za-z0-9._~-] (got "
                    + dashboardToken.length() + " characters)");
        }
    }

    /** Options without a dashboard token that stop the dashboard when the sinks close. */
    public VizOptions(int dashboardPort, String dashboardHost, Path chartsDir, int snapshotEvery, boolean desktop,
                      int width, int height, FramePacing pacing, int history) {
        this(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height, pacing, history, null,
                false);
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
                pacing, history, dashboardToken, keepServing);
    }

    /** A copy whose dashboard binds to {@code host} (for example {@code 0.0.0.0} to serve other machines). */
    public VizOptions withDashboardHost(String host) {
        return new VizOptions(dashboardPort, host, chartsDir, snapshotEvery, desktop, width, height,
                pacing, history, dashboardToken, keepServing);
    }

    /** A copy writing snapshots into {@code dir} ({@code null}: none). */
    public VizOptions withChartsDir(Path dir) {
        return new VizOptions(dashboardPort, dashboardHost, dir, snapshotEvery, desktop, width, height,
                pacing, history, dashboardToken, keepServing);
    }

    /** A copy writing snapshots every {@code batches} batches. */
    public VizOptions withSnapshotEvery(int batches) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, batches, desktop, width, height,
                pacing, history, dashboardToken, keepServing);
    }

    /** A copy that does or does not open a desktop window. */
    public VizOptions withDesktop(boolean open) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, open, width, height,
                pacing, history, dashboardToken, keepServing);
    }

    /** A copy rendering charts of {@code w} x {@code h} pixels. */
    public VizOptions withSize(int w, int h) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, w, h,
                pacing, history, dashboardToken, keepServing);
    }

    /** A copy whose dashboard and window draw as often as {@code newPacing} allows. */
    public VizOptions withPacing(FramePacing newPacing) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                newPacing, history, dashboardToken, keepServing);
    }

    /** A copy whose charts keep {@code points} points. */
    public VizOptions withHistory(int points) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                pacing, points, dashboardToken, keepServing);
    }

    /** A copy whose dashboard requires {@code token} of every request ({@code null}: none). */
    public VizOptions withDashboardToken(String token) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                pacing, history, token, keepServing);
    }

    /**
     * A copy whose dashboard, when the sinks close, says the run finished and keeps serving its last state
     * until the process is stopped ({@code true}), or stops ({@code false}).
     */
    public VizOptions withKeepServing(boolean keep) {
        return new VizOptions(dashboardPort, dashboardHost, chartsDir, snapshotEvery, desktop, width, height,
                pacing, history, dashboardToken, keep);
    }
}
