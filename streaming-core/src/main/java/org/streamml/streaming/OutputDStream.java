package org.streamml.streaming;

import java.time.Duration;

import java.util.List;
import java.util.Optional;
import org.streamml.streaming.function.VoidFunction2;

/**
 * An output operation: runs an action on the driver for each of its parent's batches. Output streams
 * run once per batch in the order they were registered.
 */
final class OutputDStream<T> extends DStream<Void> {
    private final DStream<T> parent;
    private final VoidFunction2<Batch<T>, Time> action;

    OutputDStream(DStream<T> parent, String operation, VoidFunction2<Batch<T>, Time> action) {
        super(parent.context(), operation);
        this.parent = parent;
        this.action = action;
    }

    void register() {
        context().graph().addOutput(this);
    }

    @Override
    public Duration slideDuration() {
        return parent.slideDuration();
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of(parent);
    }

    /** Runs the action for the batch at {@code time}, if the parent has one then. */
    void run(Time time) {
        Optional<Batch<T>> batch = parent.batchAt(time);
        if (batch.isEmpty()) {
            return;
        }
        try {
            action.call(batch.get(), time);
        } catch (Exception | Error e) {
            throw StreamingException.wrap(describe(), time, e);
        }
    }

    @Override
    protected Optional<Batch<Void>> compute(Time time) {
        return Optional.empty();
    }
}
