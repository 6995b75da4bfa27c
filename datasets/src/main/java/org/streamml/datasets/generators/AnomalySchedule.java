package org.streamml.datasets.generators;

import java.util.SplittableRandom;

/**
 * The anomaly timetable of one sensor channel, drawn from its own random stream so that it does not depend
 * on the noise: gaps between anomalies are {@code meanGap/4} plus an exponential with mean
 * {@code 3·meanGap/4}, kinds are uniform among the enabled ones, lengths uniform in [minLength, maxLength]
 * (a spike lasts one step), magnitudes uniform in the kind's range with a random sign.
 */
final class AnomalySchedule {
    private final SplittableRandom rnd;
    private final SensorGenerator.Options options;
    private final AnomalyKind[] kinds;
    private AnomalyKind kind = AnomalyKind.NONE;
    private long start;
    private long end = -1;
    private double magnitude;

    AnomalySchedule(SplittableRandom rnd, SensorGenerator.Options options) {
        this.rnd = rnd;
        this.options = options;
        this.kinds = options.kinds().toArray(new AnomalyKind[0]);
        planNext(0);
    }

    /** Moves to {@code step} (called with every step, in order): the anomaly covering it, or NONE. */
    AnomalyKind at(long step) {
        if (step > end) {
            planNext(end + 1);
        }
        return step >= start ? kind : AnomalyKind.NONE;
    }

    private void planNext(long from) {
        if (kinds.length == 0) {
            start = Long.MAX_VALUE;
            end = Long.MAX_VALUE;
            kind = AnomalyKind.NONE;
            return;
        }
        double gap = options.meanGap() / 4.0 - Math.log(1 - rnd.nextDouble()) * options.meanGap() * 0.75;
        start = from + Math.max(1, Math.round(gap));
        kind = kinds[rnd.nextInt(kinds.length)];
        long length = kind == AnomalyKind.SPIKE ? 1
                : options.minLength() + rnd.nextLong(options.maxLength() - options.minLength() + 1);
        end = start + length - 1;
        double sign = rnd.nextBoolean() ? 1 : -1;
        magnitude = switch (kind) {
            case SPIKE -> sign * (6 + 4 * rnd.nextDouble());
            case LEVEL_SHIFT, GRADUAL_DRIFT -> sign * (5 + 5 * rnd.nextDouble());
            case VARIANCE_CHANGE -> 3 + 2 * rnd.nextDouble();
            default -> 0;
        };
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** The magnitude of the current anomaly in noise deviations (signed), or the noise factor. */
    double magnitude() {
        return magnitude;
    }
}
