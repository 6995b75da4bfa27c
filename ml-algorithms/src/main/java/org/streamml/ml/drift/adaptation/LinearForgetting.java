package org.streamml.ml.drift.adaptation;

/** The check both linear learners share before {@link DriftPolicy#RAISE_FORGETTING}. */
final class LinearForgetting {
    private LinearForgetting() {
    }

    static void check(double forgettingFactor) {
        if (forgettingFactor == 0) {
            throw new IllegalArgumentException("raise-forgetting needs a forgetting factor > 0: 0.0 (the learner"
                    + " already keeps only each batch's gradient descent result)");
        }
    }
}
