package org.streamml.ml.drift.adaptation;

import java.util.Objects;
import org.streamml.ml.drift.DriftSignal;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Time;

/**
 * The policy half of an {@link AdaptiveLearner}: given a batch's signal, which model trains on the batch and
 * with which learner, plus the policy's state between batches (the background model, the batches of raised
 * forgetting left). Runs on the thread of the batches only.
 *
 * @param <I> the training record type
 * @param <M> the model type
 */
final class DriftReaction<I, M extends Model> {
    private final LearnerAdaptation<I, M> adaptation;
    private final StreamingLearner<I, M> learner;
    private final StreamingLearner<I, M> forgetful;
    private final AdaptiveLearner.Options options;
    private final M start;
    private M background;
    private int boostLeft;

    /** The reaction of {@code options}' policy; {@code start} is what reset-to-offline returns to. */
    DriftReaction(LearnerAdaptation<I, M> adaptation, AdaptiveLearner.Options options, M start) {
        this.adaptation = adaptation;
        this.learner = adaptation.learner();
        this.options = options;
        this.start = Objects.requireNonNull(start, "start");
        this.forgetful = options.policy() == DriftPolicy.RAISE_FORGETTING
                ? adaptation.withForgettingScaled(options.forgettingScale()) : null;
    }

    /** The model after {@code batch}, trained from {@code current} or from what {@code signal} makes replace it. */
    M next(M current, DriftSignal signal, Batch<I> batch, Time time) {
        M base = current;
        DriftPolicy policy = options.policy();
        if (signal == DriftSignal.DRIFT) {
            switch (policy) {
                case RESET -> base = adaptation.blank(current);
                case RESET_TO_OFFLINE -> base = adaptation.rebase(start, current);
                case RAISE_FORGETTING -> boostLeft = options.boostBatches();
                case BACKGROUND -> base = background != null ? adaptation.rebase(background, current)
                        : adaptation.blank(current);
                default -> throw new AssertionError(policy);
            }
            background = null;
        } else if (policy == DriftPolicy.BACKGROUND) {
            if (signal == DriftSignal.WARNING && background == null) {
                background = adaptation.blank(current);
            } else if (signal == DriftSignal.NONE) {
                background = null;
            }
        }
        StreamingLearner<I, M> updater = learner;
        if (boostLeft > 0) {
            updater = forgetful;
            boostLeft--;
        }
        if (background != null) {
            background = learner.update(background, batch, time);
        }
        return updater.update(base, batch, time);
    }

    /** The model after an empty batch, which no detector saw: the policy's state stays, the models update. */
    M nextEmpty(M current, Batch<I> batch, Time time) {
        if (background != null) {
            background = learner.update(background, batch, time);
        }
        return learner.update(current, batch, time);
    }

    /** The background model, or {@code null}. */
    M background() {
        return background;
    }

    /** The batches of raised forgetting left. */
    int boostLeft() {
        return boostLeft;
    }

    /** Puts back a checkpointed state. */
    void restore(M savedBackground, int savedBoostLeft) {
        this.background = savedBackground;
        this.boostLeft = savedBoostLeft;
    }
}
