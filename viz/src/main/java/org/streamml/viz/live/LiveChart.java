package org.streamml.viz.live;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;
import org.streamml.streaming.function.VoidFunction2;

/**
 * A chart whose data grows while a stream runs. The engine (or a learner's callback) appends data and
 * then calls {@link #publish()}; sinks listening to the chart are told, and each renders a fresh chart
 * with {@link #render()} on its own thread when it is ready. Appending keeps every point up to the chart's
 * bounded history; a sink that is slower than the stream skips frames, never data, and the engine never
 * waits for it.
 *
 * <pre>{@code
 * LiveLines rmse = LiveLines.metrics("rmse", List.of("rmse"), 1000);
 * sinks.add(rmse);
 * rmse.attach(errors, (batch, time) -> rmse.append(time.millis(), batch.aggregate(...)));
 * }</pre>
 */
public abstract class LiveChart {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Receives a chart after each {@link #publish()}; must return at once and never throw. */
    @FunctionalInterface
    public interface Listener {
        /** {@code chart} has new data; render it later, on another thread. */
        void changed(LiveChart chart);
    }

    private final String name;
    private final AtomicLong version = new AtomicLong();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * A chart called {@code name}, which names its image files and its place on the dashboard: 1 to 64
     * letters, digits, {@code _ . -}, starting with a letter or digit.
     */
    protected LiveChart(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("chart name must be 1-64 of [A-Za-z0-9_.-] starting with a letter or "
                    + "digit: '" + name + "'");
        }
        this.name = name;
    }

    /** The chart's name. */
    public final String name() {
        return name;
    }

    /** The chart's title as drawn on it. */
    public abstract String title();

    /** How many times the chart was published: 0 before the first, then 1, 2, ... */
    public final long version() {
        return version.get();
    }

    /** Marks the data appended so far as one new frame and tells the sinks, without waiting for them. */
    public final void publish() {
        version.incrementAndGet();
        for (Listener l : listeners) {
            l.changed(this);
        }
    }

    /** Tells {@code listener} of every later {@link #publish()}. */
    public final void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}. */
    public final void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Builds a new chart from a snapshot of the current data. Thread-safe, and safe to call while data is
     * being appended; the chart returned is owned by the caller.
     */
    public abstract JFreeChart render();

    /**
     * Feeds this chart from {@code stream}: after every batch, {@code feed} appends what it wants from
     * the batch and the chart is published. Register it while the stream's context is initialized.
     */
    public final <T> void attach(DStream<T> stream, VoidFunction2<Batch<T>, Time> feed) {
        Objects.requireNonNull(feed, "feed");
        stream.foreachBatch((batch, time) -> {
            feed.call(batch, time);
            publish();
        });
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", version " + version() + "]";
    }
}
