package org.streamml.ml.evaluation.nab;

import java.util.List;
import java.util.Objects;

/**
 * A NAB application profile: the weights of a true positive, a false positive and a false negative
 * (NAB's {@code config/profiles.json}; true negatives weigh nothing in NAB's score).
 *
 * @param name the profile's name as NAB spells it
 * @param tpWeight the reward of a detection at the very start of a window (A_TP), &gt; 0
 * @param fpWeight the cost of a false positive far from any window, given as a positive number (|A_FP|)
 * @param fnWeight the cost of a missed window, given as a positive number (|A_FN|)
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {
    /** NAB's standard profile: A_TP = 1, A_FP = -0.11, A_FN = -1. */
    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);
    /** NAB's profile that rewards few false positives: A_TP = 1, A_FP = -0.22, A_FN = -1. */
    public static final NabProfile REWARD_LOW_FP = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    /** NAB's profile that rewards few false negatives: A_TP = 1, A_FP = -0.11, A_FN = -2. */
    public static final NabProfile REWARD_LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /** Validates the weights. */
    public NabProfile {
        Objects.requireNonNull(name, "name");
        if (!(tpWeight > 0) || !Double.isFinite(tpWeight)) {
            throw new IllegalArgumentException("tpWeight must be > 0 and finite: " + tpWeight);
        }
        if (!(fpWeight >= 0) || !Double.isFinite(fpWeight)) {
            throw new IllegalArgumentException("fpWeight must be >= 0 and finite: " + fpWeight);
        }
        if (!(fnWeight >= 0) || !Double.isFinite(fnWeight)) {
            throw new IllegalArgumentException("fnWeight must be >= 0 and finite: " + fnWeight);
        }
    }

    /** NAB's three profiles, standard first. */
    public static List<NabProfile> all() {
        return List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
    }
}
