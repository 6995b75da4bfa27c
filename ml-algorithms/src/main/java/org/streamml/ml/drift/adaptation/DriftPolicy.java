package org.streamml.ml.drift.adaptation;

import java.util.Locale;

/**
 * What an {@link AdaptiveLearner} does to its model when its detector signals drift. The batch in which the
 * drift is detected has already been scored by the old model; the reaction decides which model trains on it.
 */
public enum DriftPolicy {
    /**
     * Forget everything learned: train the batch on a blank model of the same shape (linear learners: zero
     * weights and intercept, no effective count; k-means: the current centers with every cluster weight 0, so
     * the batch's points alone place them).
     */
    RESET,
    /** Go back to the model the learner held when it was wrapped (trained offline or loaded from a file). */
    RESET_TO_OFFLINE,
    /**
     * For {@link AdaptiveLearner.Options#boostBatches()} batches, starting with the one of the detection, train
     * with the learner's forgetting factor multiplied by {@link AdaptiveLearner.Options#forgettingScale()}: the
     * linear learners' {@code forgettingFactor} (the weight of the past model against a batch), k-means'
     * {@code decayFactor}. The past fades faster without being thrown away.
     */
    RAISE_FORGETTING,
    /**
     * On a warning, start a blank background model and train it on every batch from the warning's on; on drift,
     * swap it in (a drift without a warning, as detectors without a warning zone always give, swaps in a blank
     * model, as {@link #RESET}); when the signal falls back to none, drop it.
     */
    BACKGROUND;

    /** The command line's name: {@code reset}, {@code reset-to-offline}, {@code raise-forgetting}, {@code background}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The policy of a command-line name ({@link #cliName}).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static DriftPolicy parse(String name) {
        for (DriftPolicy p : values()) {
            if (p.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown drift policy '" + name
                + "' (expected reset, reset-to-offline, raise-forgetting or background)");
    }
}
