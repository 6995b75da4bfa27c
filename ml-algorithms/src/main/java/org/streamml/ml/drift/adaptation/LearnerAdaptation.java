package org.streamml.ml.drift.adaptation;

import java.util.List;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.Batch;

/**
 * What an {@link AdaptiveLearner} needs to know about one kind of streaming learner: how a model errs on a
 * record, what a blank model is, and how to make the learner forget faster. One small class per learner
 * ({@link AdaptiveLearner#logistic}, {@link AdaptiveLearner#linear}, {@link AdaptiveLearner#kMeans}).
 *
 * @param <I> the training record type
 * @param <M> the model type
 */
public interface LearnerAdaptation<I, M extends Model> {

    /** The wrapped learner: it computes every update and holds the current model. */
    StreamingLearner<I, M> learner();

    /** What {@link #errors} measures, for documentation and reports: {@code "0/1 error"}. */
    String errorName();

    /**
     * The error of {@code model} on every record of {@code batch}, one array per partition in partition order,
     * computed as partition tasks of the batch's executor (only the arrays come back to the driver).
     */
    List<double[]> errors(Batch<I> batch, M model);

    /** A model of {@code current}'s shape and version that has learned nothing ({@link DriftPolicy#RESET}). */
    M blank(M current);

    /** {@code start}'s parameters with {@code current}'s version and last batch time, so versions keep rising. */
    M rebase(M start, M current);

    /**
     * The learner with its forgetting factor multiplied by {@code scale} in [0, 1).
     *
     * @throws IllegalArgumentException if the learner does not forget at all (a linear learner with forgetting
     *         factor 0 keeps only each batch's result already)
     */
    StreamingLearner<I, M> withForgettingScaled(double scale);
}
