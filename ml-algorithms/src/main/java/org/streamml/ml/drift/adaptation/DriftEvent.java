package org.streamml.ml.drift.adaptation;

import java.util.Objects;
import org.streamml.ml.drift.DriftSignal;
import org.streamml.streaming.Time;

/**
 * What an {@link AdaptiveLearner}'s detector concluded from one batch's prequential errors: part of the batch's
 * metrics.
 *
 * @param batchTime the batch
 * @param detector the detector's name, such as {@code "ADWIN"}
 * @param signal {@link org.streamml.ml.drift.DriftSignal#DRIFT} if any error of the batch made the detector
 *        signal drift, otherwise the signal after the batch's last error
 * @param statistic the detector's statistic after the batch ({@link org.streamml.ml.drift.DriftDetector#statistic})
 * @param position the 0-based stream position (records given to the detector before it) of the batch's first
 *        drift, or of the record after the batch when there was none
 * @param drifts how many of the batch's errors made the detector signal drift (it adapts after each)
 * @param count the batch's records
 * @param meanError the batch's mean prequential error (its meaning is the learner's:
 *        {@link AdaptiveLearner})
 */
public record DriftEvent(Time batchTime, String detector, DriftSignal signal, double statistic, long position,
                         int drifts, long count, double meanError) {

    /** Checks the fields. */
    public DriftEvent {
        Objects.requireNonNull(batchTime, "batchTime");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(signal, "signal");
        if (position < 0 || drifts < 0 || count < 0) {
            throw new IllegalArgumentException("position, drifts and count must be >= 0: " + position + ", "
                    + drifts + ", " + count);
        }
    }

    /** Whether the batch saw a drift. */
    public boolean isDrift() {
        return signal == DriftSignal.DRIFT;
    }
}
