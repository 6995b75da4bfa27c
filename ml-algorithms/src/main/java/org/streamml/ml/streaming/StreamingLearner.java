package org.streamml.ml.streaming;

import java.util.function.Consumer;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.Model;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;

/**
 * A learner that updates an immutable model once per batch of a stream. The update itself is the pure
 * function {@link #update}: a model and a batch in, the next model out. Everything the learner needs to
 * continue lives in that model (weights, cluster weights, the effective count of forgetting, version,
 * last batch time), so a model saved after batch t and set as the initial model of a new learner
 * continues exactly as an unbroken run would; the learner itself holds only its options and the latest
 * model behind one volatile reference. (The online learners of {@code org.streamml.ml.online} also keep
 * optimizer state beside the model; their checkpoints hold both.)
 *
 * <pre>{@code
 * StreamingLearner<LabeledPoint, LinearRegressionModel> learner = new StreamingLinearRegressionWithSGD()
 *         .setInitialWeights(Vectors.zeros(3));
 * learner.onModel(m -> System.out.println("batch " + m.version() + ": " + m));
 * learner.trainOn(points);                 // registered before predictOn: batch t is predicted with model t
 * learner.predictOn(features).print();
 * ssc.start();
 * }</pre>
 *
 * <p>A new algorithm is one package implementing this interface and its {@link Model}, plus a codec in
 * model-io; the command line, the model files and the charts find it through their registries.
 *
 * @param <I> the training record type ({@code LabeledPoint} for supervised learners, {@code Vector} for
 *            clustering)
 * @param <M> the model type
 */
public interface StreamingLearner<I, M extends Model> {

    /** The type of this learner's models (for checking a model loaded from a file). */
    Class<M> modelType();

    /**
     * Starts from {@code model}: one saved earlier, trained offline or checkpointed. Its version, last
     * batch time and any state of forgetting carry on.
     *
     * @throws IllegalArgumentException if the model does not suit this learner's options
     */
    StreamingLearner<I, M> setInitialModel(M model);

    /** Whether a model is set or has been trained. */
    boolean hasModel();

    /**
     * The current model: the initial one until a batch has been applied, then the result of the last
     * {@link #update}.
     *
     * @throws IllegalStateException if there is none yet
     */
    M latestModel();

    /**
     * The model after {@code batch}, computed from {@code model} and the batch only (this learner's options
     * aside): it neither reads nor changes the learner's current model. {@code model} may be {@code null}
     * only for a learner that creates its first model from the data (automatic initial weights).
     *
     * @param model the model before the batch
     * @param batch the batch's records, in partitions
     * @param time the batch time, recorded as the new model's last batch time
     * @return the next model; {@code model} itself when the batch changes nothing (an empty batch of a
     *         learner that skips them)
     */
    M update(M model, Batch<I> batch, Time time);

    /**
     * Registers training on every batch of {@code data}: an output operation that replaces the current
     * model with {@link #update}'s result and then calls the model listeners.
     */
    void trainOn(DStream<I> data);

    /** The current model's prediction for each vector of {@code data} (a value or a cluster index). */
    DStream<? extends Number> predictOn(DStream<Vector> data);

    /**
     * Calls {@code listener} with the new model once per applied batch, after the update, in batch order,
     * on the thread that ran the update. Listeners registered earlier are called first.
     */
    void onModel(Consumer<? super M> listener);
}
