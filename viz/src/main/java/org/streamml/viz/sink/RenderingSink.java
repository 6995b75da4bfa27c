package org.streamml.viz.sink;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.streamml.viz.live.LiveChart;

/**
 * The common part of sinks that draw charts on a {@link FrameWorker}: it keeps the charts, asks for a
 * frame when one is due, and in each frame draws the charts that changed since they were last drawn.
 * Subclasses say how to draw one chart and, optionally, when a chart is due.
 */
public abstract class RenderingSink implements ChartSink {
    /** The version recorded for a chart that was never drawn. */
    protected static final long NEVER = -1;
    /** How long {@link #close()} waits for the charts' feeds, in milliseconds. */
    private static final long FEED_DRAIN_MILLIS = 10_000;
    private final List<LiveChart> charts = new CopyOnWriteArrayList<>();
    private final Map<LiveChart, Long> drawn = new ConcurrentHashMap<>();
    private final FrameWorker worker;
    private volatile boolean closed;

    /** A sink whose frames run on a thread called {@code threadName}, paced by {@code pacing}. */
    protected RenderingSink(String threadName, FramePacing pacing) {
        this.worker = new FrameWorker(threadName, pacing, this::frame);
    }

    @Override
    public void add(LiveChart chart) {
        Objects.requireNonNull(chart, "chart");
        if (closed) {
            throw new IllegalStateException("sink is closed; charts can be added only while it is open");
        }
        if (charts.stream().anyMatch(c -> c.name().equals(chart.name()))) {
            throw new IllegalArgumentException("a chart named '" + chart.name() + "' is already shown");
        }
        charts.add(chart);
        chart.addListener(this);
        chartAdded(chart);
        changed(chart);
    }

    @Override
    public void changed(LiveChart chart) {
        if (due(chart.version(), drawn.getOrDefault(chart, NEVER))) {
            worker.request();
        }
    }

    /** The charts shown, in the order they were added. */
    public List<LiveChart> charts() {
        return List.copyOf(charts);
    }

    /** The number of frames drawn so far (a frame draws every chart that was due). */
    public long frames() {
        return worker.frames();
    }

    /** Waits at most {@code timeoutMillis} until {@code n} frames were drawn; returns whether they were. */
    public boolean awaitFrames(long n, long timeoutMillis) throws InterruptedException {
        return worker.awaitFrames(n, timeoutMillis);
    }

    /** Whether a chart now at {@code version}, last drawn at {@code drawnVersion} (or {@link #NEVER}), is due. */
    protected boolean due(long version, long drawnVersion) {
        return version > drawnVersion;
    }

    /** Called once when a chart is added, before its first frame. */
    protected void chartAdded(LiveChart chart) {
    }

    /** Draws {@code chart}, now at {@code version}; runs on the frame thread (or the closing thread). */
    protected abstract void draw(LiveChart chart, long version);

    /** Called after each frame (and after the last one, before {@link #release()}), on the drawing thread. */
    protected void frameDrawn() {
    }

    /** Releases the sink's resources after its last frame. */
    protected void release() {
    }

    private void awaitFeeds() {
        long deadline = System.nanoTime() + FEED_DRAIN_MILLIS * 1_000_000L;
        try {
            for (LiveChart chart : charts) {
                chart.awaitIdle(Math.max(0, (deadline - System.nanoTime()) / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void frame() {
        for (LiveChart chart : charts) {
            long version = chart.version();
            if (due(version, drawn.getOrDefault(chart, NEVER))) {
                draw(chart, version);
                drawn.put(chart, version);
            }
        }
        frameDrawn();
    }

    /**
     * Waits (at most ten seconds in all) for the charts' feeds to take in the batches
     * already handed to them, stops listening, draws every chart that changed since its last frame one last
     * time, and releases.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaitFeeds();
        for (LiveChart chart : charts) {
            chart.removeListener(this);
        }
        worker.close();
        try {
            for (LiveChart chart : charts) {
                long version = chart.version();
                if (version != drawn.getOrDefault(chart, NEVER)) {
                    draw(chart, version);
                    drawn.put(chart, version);
                }
            }
            frameDrawn();
        } finally {
            release();
        }
    }
}
