package org.streamml.viz.sink;

import org.streamml.viz.live.LiveChart;

/**
 * A destination of live charts (a window, a directory, a web page). {@link #changed} is called on the
 * engine's thread after a chart is published and must return at once: the sink renders later, on its
 * own thread, skipping frames it has no time for.
 */
public interface ChartSink extends LiveChart.Listener, AutoCloseable {

    /** Starts showing {@code chart}; the sink listens to it from now on. */
    void add(LiveChart chart);

    /** Renders a last frame of every chart that changed since its last frame, then releases resources. */
    @Override
    void close();
}
