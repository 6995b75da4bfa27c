package org.streamml.viz.live;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;
import org.streamml.streaming.function.VoidFunction2;

/**
 * A chart whose data grows while a stream runs. Data is appended (by a feed function {@link #attach}ed to
 * a stream, or by a learner's callback) and then {@link #publish()}ed; sinks listening to the chart are
 * told, and each renders a fresh chart with {@link #render()} on its own thread when it is ready.
 * Appending keeps every point up to the chart's bounded history; a sink that is slower than the stream
 * skips frames, never data, and the engine never waits for it.
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
    private final List<ChartFeeder.Feed<?>> feeds = new CopyOnWriteArrayList<>();

    /**
     * The fewest points a feed function appends to the chart's history for each batch: what lets the
     * feeder drop a waiting batch only when newer batches would push all its points out of the history.
     */
    public enum Points {
        /** At least one point for every batch, empty batches included (a metric per batch, a frame). */
        PER_BATCH,
        /**
         * At least one point for every record of the batch, and nothing needed from a batch without
         * records (a time series of the records).
         */
        PER_RECORD
    }

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
     * The most points the chart keeps of what its feeds append; older points are evicted. Batches waiting
     * for a feed behind newer batches that hold this many points are dropped. The default,
     * {@link Integer#MAX_VALUE}, is for a chart that keeps every point: its waiting batches are never dropped.
     */
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    /**
     * Feeds this chart from {@code stream}, appending {@link Points#PER_BATCH at least one point per batch}:
     * {@link #attach(DStream, Points, VoidFunction2) attach(stream, Points.PER_BATCH, feed)}.
     */
    public final <T> void attach(DStream<T> stream, VoidFunction2<Batch<T>, Time> feed) {
        attach(stream, Points.PER_BATCH, feed);
    }

    /**
     * Feeds this chart from {@code stream}: after every batch, {@code feed} appends what it wants from
     * the batch and the chart is published. Register it while the stream's context is initialized.
     *
     * <p>The engine only hands the batch (immutable) to the shared daemon thread {@code streamml-chart-feed},
     * which calls {@code feed} and publishes: the engine's cost is O(1) per batch, whatever the feed does,
     * and a slow or blocked feed never blocks the engine. The batch given to {@code feed} runs its tasks
     * ({@code aggregate}, {@code map}, ...) on that thread. The batches of one attachment are fed one at a
     * time, in the engine's order; {@code feed} must touch only the batch, the time and the chart (not
     * state that the stream's other operations change).
     *
     * <p>While the feed is slower than the stream, batches wait in order. Once the batches waiting behind
     * the oldest one add at least {@link #capacity()} points (counted as {@code points} says), the oldest is
     * dropped and counted in {@link #droppedBatches()}: its points would have been evicted from the history
     * by the newer ones, so nothing that the chart would show is lost, and memory stays bounded by the
     * history's worth of batches. The newest batch is never dropped. Having fed everything, the thread lets
     * new batches gather for 50 ms (charts are drawn at most every 250 ms) before it feeds them, unless
     * someone waits in {@link #awaitIdle}: a chart that keeps fewer points than the stream brings in that
     * time is then fed only the batches it will show. With {@link Points#PER_RECORD}, a
     * waiting batch without records is also dropped (and counted) as soon as a newer one arrives.
     *
     * <p>An exception thrown by {@code feed} is reported once to standard error and kept in
     * {@link #feedFailure()}; the stream and the feeding go on.
     */
    public final <T> void attach(DStream<T> stream, Points points, VoidFunction2<Batch<T>, Time> feed) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(feed, "feed");
        attachNumbered(stream, points, (batch, time, number) -> feed.call(batch, time));
    }

    /** {@link #attach(DStream, Points, VoidFunction2)} with a feed that also gets each batch's number. */
    final <T> void attachNumbered(DStream<T> stream, Points points, ChartFeeder.NumberedFeed<T> feed) {
        ChartFeeder.Feed<T> f = new ChartFeeder.Feed<>(this, feed, points, capacity());
        stream.context().addStreamingListener(f);
        stream.foreachBatch(f::offer);
        feeds.add(f);
    }

    /**
     * Waits at most {@code timeoutMillis} until every batch that the engine handed to this chart's feeds
     * before the call was fed (and published) or dropped; returns whether all were. Sinks call it before
     * their last frame; tests call it to see the appends.
     */
    public final boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        return ChartFeeder.awaitFed(List.copyOf(feeds), timeoutMillis);
    }

    /**
     * The number of batches that waited for a feed of this chart and were dropped because newer batches
     * would have pushed all their points out of the history, or because they had no record to add (see
     * {@link #attach(DStream, Points, VoidFunction2)}). Nothing the chart would show is lost by them.
     */
    public final long droppedBatches() {
        long n = 0;
        for (ChartFeeder.Feed<?> f : feeds) {
            n += f.dropped();
        }
        return n;
    }

    /**
     * The first exception a feed of this chart threw, if any (it is also reported once to standard error;
     * feeding goes on with the next batch).
     */
    public final Optional<Throwable> feedFailure() {
        for (ChartFeeder.Feed<?> f : feeds) {
            Throwable t = f.failure();
            if (t != null) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", version " + version() + "]";
    }
}
