package org.streamml.ml.streaming;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.streamml.ml.model.Model;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;
import org.streamml.streaming.api.java.JavaDStream;

/**
 * The state every {@link StreamingLearner} shares: the latest model behind one volatile reference, the
 * model listeners, and {@link #trainOn} replacing the model with the pure {@link #update}'s result once
 * per batch. A subclass supplies {@link #update}, {@link #predictOn} and the checks of its options; it
 * keeps no other state between batches, so a model saved after batch t resumes exactly.
 *
 * @param <I> the training record type
 * @param <M> the model type
 */
public abstract class AbstractStreamingLearner<I, M extends Model> implements StreamingLearner<I, M>, Checkpointed {
    private final Class<M> modelType;
    private final List<Consumer<? super M>> listeners = new CopyOnWriteArrayList<>();
    private volatile M model;
    private volatile boolean training;

    /** A learner of models of {@code modelType}, without a model. */
    protected AbstractStreamingLearner(Class<M> modelType) {
        this.modelType = Objects.requireNonNull(modelType, "modelType");
    }

    @Override
    public final Class<M> modelType() {
        return modelType;
    }

    /** Starts from {@code initial} after {@link #checkInitialModel} accepts it. */
    @Override
    public StreamingLearner<I, M> setInitialModel(M initial) {
        Objects.requireNonNull(initial, "initial");
        checkInitialModel(initial);
        this.model = initial;
        return this;
    }

    /** Throws {@code IllegalArgumentException} if {@code initial} does not suit the options; accepts all by default. */
    protected void checkInitialModel(M initial) {
    }

    /** Replaces the current model without checks or listeners (initial weights or centers). */
    protected final void setModel(M m) {
        this.model = m;
    }

    /** The current model, or {@code null} if there is none yet. */
    protected final M currentModel() {
        return model;
    }

    @Override
    public final boolean hasModel() {
        return model != null;
    }

    @Override
    public final M latestModel() {
        M m = model;
        if (m == null) {
            throw new IllegalStateException(noModelMessage());
        }
        return m;
    }

    /** The message of {@link #latestModel} when there is no model. */
    protected abstract String noModelMessage();

    /** Throws {@code IllegalArgumentException} if training cannot start (no model); called by {@link #trainOn}. */
    protected abstract void checkCanTrain();

    @Override
    public final void trainOn(DStream<I> data) {
        Objects.requireNonNull(data, "data");
        checkCanTrain();
        training = true;
        data.context().registerCheckpointed(this);
        data.foreachBatch(this::applyBatch);
    }

    /** {@link #trainOn(DStream)} of the engine's stream behind Spark's Java view {@code data}. */
    public final void trainOn(JavaDStream<I> data) {
        trainOn(Objects.requireNonNull(data, "data").dstream());
    }

    /** Whether {@link #trainOn} has registered this learner on a stream. */
    public final boolean isTraining() {
        return training;
    }

    /**
     * Throws if {@link #trainOn} was called: a learner's settings are fixed once it trains on a stream,
     * so every batch and the checkpoint's fingerprint see the same settings. Called by the Spark-style
     * setters ({@code setStepSize}, {@code setK}, ...).
     *
     * @param setter the setter's name, for the message
     * @throws IllegalStateException if the learner already trains on a stream
     */
    protected final void checkNotTraining(String setter) {
        if (training) {
            throw new IllegalStateException(setter + " was called after trainOn: a " + getClass().getSimpleName()
                    + "'s settings are fixed once it trains on a stream; call " + setter + " before trainOn,"
                    + " or build a new learner");
        }
    }

    /** The learner's class name: part of a checkpoint's fingerprint. */
    @Override
    public String checkpointKind() {
        return getClass().getSimpleName();
    }

    /** The current model (or {@code null}): what a checkpoint keeps of a learner. */
    @Override
    public Object checkpointState() {
        return model;
    }

    /** Puts back the model of a checkpoint, without listeners: the batches after it apply to it next. */
    @Override
    public void restoreCheckpointState(Object state) {
        if (state != null && !modelType.isInstance(state)) {
            throw new IllegalArgumentException("the checkpoint holds a " + state.getClass().getSimpleName()
                    + " for this " + checkpointKind() + ", which learns " + modelType.getSimpleName() + "s");
        }
        model = modelType.cast(state);
    }

    /**
     * Applies one batch: the current model becomes {@link #update}'s result and, when the batch changed
     * it, the listeners receive the new model in registration order.
     *
     * @return the model after the batch
     */
    protected final M applyBatch(Batch<I> batch, Time time) {
        M current = model;
        M next = update(current, batch, time);
        if (next != current) {
            model = next;
            for (Consumer<? super M> listener : listeners) {
                listener.accept(next);
            }
        }
        return next;
    }

    @Override
    public final void onModel(Consumer<? super M> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
