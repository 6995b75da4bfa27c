package org.streamml.streaming;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sliding window over a parent stream: at each of its valid times t, the parent's batches with times
 * in {@code (t - window, t]}. When those batches share a partition count P, partition i of the window
 * is the concatenation of their partitions i, oldest first; otherwise all records are re-split into P.
 */
final class WindowedDStream<T> extends DStream<T> {
    private final DStream<T> parent;
    private final Duration window;
    private final Duration slide;

    WindowedDStream(DStream<T> parent, Duration window, Duration slide) {
        super(parent.context(), "window");
        checkWindow(parent, window, slide);
        this.parent = parent;
        this.window = window;
        this.slide = slide;
    }

    static void checkWindow(DStream<?> parent, Duration window, Duration slide) {
        Durations.requireMillis(window, "window duration");
        Durations.requireMillis(slide, "slide duration");
        Duration parentSlide = parent.slideDuration();
        if (!Durations.isMultipleOf(window, parentSlide)) {
            throw new IllegalArgumentException("The window duration of windowed DStream (" + Durations.format(window)
                    + ") must be a multiple of the slide duration of parent DStream (" + Durations.format(parentSlide) + ")");
        }
        if (!Durations.isMultipleOf(slide, parentSlide)) {
            throw new IllegalArgumentException("The slide duration of windowed DStream (" + Durations.format(slide)
                    + ") must be a multiple of the slide duration of parent DStream (" + Durations.format(parentSlide) + ")");
        }
    }

    /** The parent batches that fall in the window ending at {@code time}, oldest first. */
    static <T> List<Batch<T>> batchesInWindow(DStream<T> parent, Duration window, Time time) {
        List<Batch<T>> batches = new ArrayList<>();
        long step = parent.slideDuration().toMillis();
        for (long t = time.millis() - window.toMillis() + step; t <= time.millis(); t += step) {
            parent.batchAt(Time.ofMillis(t)).ifPresent(batches::add);
        }
        return batches;
    }

    @Override
    public Duration slideDuration() {
        return slide;
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of(parent);
    }

    @Override
    protected Duration parentRememberDuration() {
        return super.parentRememberDuration().plus(window);
    }

    @Override
    protected Optional<Batch<T>> compute(Time time) {
        List<Batch<T>> batches = batchesInWindow(parent, window, time);
        int p = parent.numPartitions();
        boolean aligned = true;
        for (Batch<T> b : batches) {
            aligned &= b.numPartitions() == p;
        }
        if (aligned) {
            // Partition i of the window is partition i of every batch in it, concatenated by a task (on a
            // cluster, on a worker holding one of them, which fetches the others from their workers).
            List<List<List<T>>> groups = new ArrayList<>(p);
            for (int i = 0; i < p; i++) {
                List<List<T>> group = new ArrayList<>(batches.size());
                for (Batch<T> b : batches) {
                    group.add(b.partition(i));
                }
                groups.add(group);
            }
            return Optional.of(new Batch<>(time, context().executor().computePartitions(groups, group -> {
                int size = 0;
                for (List<T> part : group) {
                    size += part.size();
                }
                List<T> out = new ArrayList<>(size);
                for (List<T> part : group) {
                    out.addAll(part);
                }
                return out;
            }), context().executor()));
        }
        List<T> all = new ArrayList<>();
        for (Batch<T> b : batches) {
            all.addAll(b.collect());
        }
        return Optional.of(Batch.split(time, all, p, context().executor()));
    }
}
