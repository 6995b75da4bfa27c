package org.streamml.datasets.generators;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Multichannel sensor readings with daily and weekly seasonality, a linear trend and Gaussian noise, and
 * injected anomalies of the {@link AnomalyKind}s with ground truth per reading and per window
 * ({@link #windows}). Records come step by step, one per channel: record {@code i} is channel
 * {@code i mod channels} at step {@code i / channels}; steps are {@code intervalSeconds} apart from
 * 2024-01-01 00:00 UTC.
 *
 * <p>Channel {@code c} reads {@code level + daily·sin(2πt/day + φ) + weekly·sin(2πt/week + ψ) + trend·t/day
 * + σ·N(0,1)}, with its parameters drawn from the seed (level 10 to 50, daily 1 to 5, weekly 0.5 to 2,
 * trend ±0.05 per day, σ 0.2 to 0.6). Anomaly magnitudes are in units of σ.
 */
public final class SensorGenerator extends SeededGenerator<SensorReading> {
    /** The time of step 0: 2024-01-01T00:00:00Z. */
    public static final long START_MILLIS = 1_704_067_200_000L;
    private static final double DAY = 86_400;
    private static final double WEEK = 7 * DAY;

    private final Options options;

    /**
     * What to generate.
     *
     * @param channels the number of channels (>= 1)
     * @param intervalSeconds the seconds between steps (>= 1)
     * @param meanGap the mean number of steps between anomalies of one channel (>= 1)
     * @param minLength the shortest anomaly window in steps (>= 1; spikes last one step)
     * @param maxLength the longest anomaly window in steps (>= minLength)
     * @param kinds the anomaly kinds to inject (may be empty: no anomalies)
     */
    public record Options(int channels, int intervalSeconds, long meanGap, long minLength, long maxLength,
                          Set<AnomalyKind> kinds) {
        /** Checks the options. */
        public Options {
            if (channels < 1) {
                throw new IllegalArgumentException("channels must be >= 1: " + channels);
            }
            if (intervalSeconds < 1) {
                throw new IllegalArgumentException("intervalSeconds must be >= 1: " + intervalSeconds);
            }
            if (meanGap < 1) {
                throw new IllegalArgumentException("meanGap must be >= 1: " + meanGap);
            }
            if (minLength < 1 || maxLength < minLength) {
                throw new IllegalArgumentException("need 1 <= minLength <= maxLength: " + minLength + ", " + maxLength);
            }
            Objects.requireNonNull(kinds, "kinds");
            if (kinds.contains(AnomalyKind.NONE)) {
                throw new IllegalArgumentException("kinds must not contain NONE");
            }
            // An EnumSet iterates in declaration order on every run, which keeps the schedule deterministic.
            kinds = java.util.Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(AnomalyKind.class)
                    : EnumSet.copyOf(kinds));
        }

        /** 4 channels every 5 minutes, an anomaly every ~2,000 steps per channel lasting 12 to 72 steps. */
        public static Options defaults() {
            return new Options(4, 300, 2000, 12, 72, EnumSet.complementOf(EnumSet.of(AnomalyKind.NONE)));
        }

        /** A copy with {@code n} channels. */
        public Options withChannels(int n) {
            return new Options(n, intervalSeconds, meanGap, minLength, maxLength, kinds);
        }

        /** A copy with {@code s} seconds between steps. */
        public Options withIntervalSeconds(int s) {
            return new Options(channels, s, meanGap, minLength, maxLength, kinds);
        }

        /** A copy with a mean gap of {@code n} steps between anomalies. */
        public Options withMeanGap(long n) {
            return new Options(channels, intervalSeconds, n, minLength, maxLength, kinds);
        }

        /** A copy with anomaly windows of {@code min} to {@code max} steps. */
        public Options withLengths(long min, long max) {
            return new Options(channels, intervalSeconds, meanGap, min, max, kinds);
        }

        /** A copy injecting only {@code k}. */
        public Options withKinds(Set<AnomalyKind> k) {
            return new Options(channels, intervalSeconds, meanGap, minLength, maxLength, k);
        }
    }

    /** {@code rows} readings (or {@link #UNBOUNDED}) from {@code seed}. */
    public SensorGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The anomaly windows that start before step {@code steps}, channel by channel, in time order. */
    public List<AnomalyWindow> windows(long steps) {
        Streams s = new Streams(seed(), options);
        List<AnomalyWindow> out = new ArrayList<>();
        for (int c = 0; c < options.channels(); c++) {
            AnomalySchedule schedule = s.schedules[c];
            while (schedule.start() < steps) {
                AnomalyKind k = schedule.at(schedule.start());
                out.add(new AnomalyWindow(c, k, schedule.start(), schedule.end()));
                schedule.at(schedule.end() + 1);
            }
        }
        return out;
    }

    /** The independent random streams of one pass: channel parameters, noise and one schedule per channel. */
    private static final class Streams {
        final double[][] params;
        final SplittableRandom noise;
        final AnomalySchedule[] schedules;

        Streams(long seed, Options options) {
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom p = root.split();
            noise = root.split();
            int n = options.channels();
            params = new double[n][];
            schedules = new AnomalySchedule[n];
            for (int c = 0; c < n; c++) {
                params[c] = new double[] {10 + 40 * p.nextDouble(), 1 + 4 * p.nextDouble(),
                    0.5 + 1.5 * p.nextDouble(), 0.1 * p.nextDouble() - 0.05, 0.2 + 0.4 * p.nextDouble(),
                    2 * Math.PI * p.nextDouble(), 2 * Math.PI * p.nextDouble()};
                schedules[c] = new AnomalySchedule(root.split(), options);
            }
        }
    }

    @Override
    protected Cursor<SensorReading> start() {
        Streams s = new Streams(seed(), options);
        int channels = options.channels();
        double[] lastNormal = new double[channels];
        return index -> {
            long step = index / channels;
            int c = (int) (index % channels);
            double t = (double) step * options.intervalSeconds();
            double[] p = s.params[c];
            double base = p[0] + p[1] * Math.sin(2 * Math.PI * t / DAY + p[5])
                    + p[2] * Math.sin(2 * Math.PI * t / WEEK + p[6]) + p[3] * t / DAY;
            double sigma = p[4];
            double noise = s.noise.nextGaussian();
            AnomalySchedule schedule = s.schedules[c];
            AnomalyKind kind = schedule.at(step);
            double m = schedule.magnitude();
            double value = switch (kind) {
                case NONE -> base + sigma * noise;
                case SPIKE, LEVEL_SHIFT -> base + sigma * noise + m * sigma;
                case GRADUAL_DRIFT -> base + sigma * noise
                        + m * sigma * (step - schedule.start() + 1) / (schedule.end() - schedule.start() + 1);
                case STUCK -> lastNormal[c];
                case VARIANCE_CHANGE -> base + m * sigma * noise;
            };
            if (kind == AnomalyKind.NONE) {
                lastNormal[c] = value;
            }
            return new SensorReading(step, START_MILLIS + (long) t * 1000, c, value, kind);
        };
    }
}
