package org.streamml.ml.anomaly;

import java.util.Objects;

/**
 * The toolkit's streaming anomaly detector: multi-scale shape novelty and magnitude beyond the series' range,
 * each calibrated by its own history, with a hold-off after each alarm. One configuration serves every series; the detector adapts to each series as it
 * reads it.
 *
 * <p>Per record, strictly causally:
 * <ol>
 * <li><b>Robust standardisation.</b> The value is centred on the median of the last {@code window} values and
 *     divided by their robust spread (the interquartile range / 1.349, at least a quarter of the 5-95 %
 *     range / 3.29, so that series with many repeated values keep a usable scale).</li>
 * <li><b>Shape novelty at {@code scales} time scales.</b> At scale {@code j} the last {@code width * 2^j}
 *     standardised values, averaged in runs of {@code 2^j}, form a shape vector; its novelty is the distance
 *     to the nearest shape remembered from the last {@code memory} records (a streaming nearest-neighbour
 *     model; overlapping shapes excluded). Spikes, level shifts, changes of variance, of frequency or of
 *     pattern all make shapes never seen before; a pattern that recurs, however irregular, does not. The
 *     novelty is taken relative to the median novelty of the last 256 records (like the local density ratio
 *     of the local outlier factor), so that a series that is always a little new does not alarm all the
 *     time.</li>
 * <li><b>Magnitude.</b> How far the value lies beyond the largest and the smallest of the last {@code history}
 *     values ({@link RunningExtremes}), in units of the robust spread; 0 inside that range. Most real incidents
 *     take a series beyond anything it showed for days (Ahmad et al., "Unsupervised real-time anomaly
 *     detection for streaming data", Neurocomputing 2017, on NAB's labels), which a shape seen before at
 *     another level does not reveal. O(1) amortised per record (monotone deques).</li>
 * <li><b>Calibration.</b> Each scale's novelty, and the magnitude, becomes a tail probability against its own last
 *     {@code history} values: empirical below the top 2 %, an exponential tail fitted to the excesses above it
 *     (peaks over threshold, Siffer et al. KDD 2017) beyond. So a score means the same rarity on every series,
 *     which is what lets one threshold serve them all (and what NAB's corpus-wide threshold rewards).</li>
 * <li><b>Combination.</b> The smallest of the channels' tail probabilities (the scales' and the magnitude's),
 *     times the number of channels (Bonferroni), is the record's p-value; the score is {@code min(1, -log10(p) / decades)}.</li>
 * <li><b>Alarm and hold-off.</b> A record whose score reaches {@code threshold} is an anomaly; the next
 *     {@code refractory} records then score 0, since the event has been reported (NAB, like an operator,
 *     counts every further alarm outside a labelled window as a false positive).</li>
 * </ol>
 * The first records score 0 until the calibration holds 100 values. Timestamps are not used: the order of
 * the records is what matters. Allocation-free per record: ring buffers and sorted windows on primitive
 * arrays, O(memory * width * scales + window + history * (scales + 1)) work per record.
 */
public final class StreamingAnomalyDetector implements AnomalyDetector {
    /**
     * The detector's settings; {@link #defaults()} is the one configuration for every series.
     *
     * @param window the recent values whose median and spread standardise the series, &gt;= 8
     * @param width the segments in a shape vector, &gt;= 2
     * @param scales the time scales (segment lengths 1, 2, 4, ...), in [1, 8]
     * @param memory the records whose shapes are remembered, &gt;= 16
     * @param history the novelty values each calibration covers, &gt;= 100
     * @param decades the p-value 10^-decades that scores 1, &gt; 0
     * @param threshold the score from which a record is an anomaly, in (0, 1]
     * @param refractory the records after an anomaly that score 0, &gt;= 0
     */
    public record Options(int window, int width, int scales, int memory, int history, double decades,
            double threshold, int refractory) {
        /** Validates every setting. */
        public Options {
            check(window >= 8, "window must be >= 8: " + window);
            check(width >= 2, "width must be >= 2: " + width);
            check(scales >= 1 && scales <= 8, "scales must be in [1, 8]: " + scales);
            check(memory >= 16, "memory must be >= 16: " + memory);
            check(history >= MIN_HISTORY, "history must be >= " + MIN_HISTORY + ": " + history);
            check(decades > 0 && Double.isFinite(decades), "decades must be > 0 and finite: " + decades);
            check(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]: " + threshold);
            check(refractory >= 0, "refractory must be >= 0: " + refractory);
        }

        /**
         * The defaults: window 1000, width 8, 3 scales (shapes of 8, 16 and 32 records), memory 1000, history
         * 2000, decades 4 (score 0.5 at p = 0.01), threshold 0.5, refractory 100.
         */
        public static Options defaults() {
            return new Options(1000, 8, 3, 1000, 2000, 4.0, 0.5, 100);
        }

        /** A copy with {@code window} changed. */
        public Options withWindow(int window) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code width} changed. */
        public Options withWidth(int width) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code scales} changed. */
        public Options withScales(int scales) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code memory} changed. */
        public Options withMemory(int memory) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code history} changed. */
        public Options withHistory(int history) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code decades} changed. */
        public Options withDecades(double decades) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code threshold} changed. */
        public Options withThreshold(double threshold) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        /** A copy with {@code refractory} changed. */
        public Options withRefractory(int refractory) {
            return new Options(window, width, scales, memory, history, decades, threshold, refractory);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private static final int MIN_HISTORY = 100;
    private static final int LOCAL_WINDOW = 256;
    private static final double TAIL_FRACTION = 0.02;
    private static final double MAX_STANDARD = 1e6;

    private final Options options;
    private final RollingQuantiles values;
    private final ShapeMemory[] shapes;
    private final RollingQuantiles[] typical;
    private final TailCalibrator[] calibrators;
    private final RunningExtremes extremes;
    private final TailCalibrator magnitude;
    private final double logChannels;
    private int holdOff;
    private boolean anomaly;

    /** A fresh detector with {@code options}. */
    public StreamingAnomalyDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.values = new RollingQuantiles(options.window());
        this.shapes = new ShapeMemory[options.scales()];
        this.typical = new RollingQuantiles[options.scales()];
        this.calibrators = new TailCalibrator[options.scales()];
        for (int j = 0; j < shapes.length; j++) {
            shapes[j] = new ShapeMemory(options.width(), 1 << j, options.memory());
            typical[j] = new RollingQuantiles(LOCAL_WINDOW);
            calibrators[j] = new TailCalibrator(options.history(), TAIL_FRACTION, MIN_HISTORY);
        }
        this.extremes = new RunningExtremes(options.history());
        this.magnitude = new TailCalibrator(options.history(), TAIL_FRACTION, MIN_HISTORY);
        this.logChannels = Math.log(options.scales() + 1);
    }

    /** A fresh detector with the default options. */
    public StreamingAnomalyDetector() {
        this(Options.defaults());
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public double score(long timestampMillis, double value) {
        anomaly = false;
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        double standard = 0;
        double beyond = 0;
        if (values.size() > 0) {
            double centre = values.quantile(0.5);
            double scale = robustScale(centre);
            standard = (value - centre) / scale;
            beyond = Math.max(0, Math.max(value - extremes.max(), extremes.min() - value)) / scale;
            beyond = Double.isNaN(beyond) ? 0 : Math.min(beyond, MAX_STANDARD);
            // Clamped (and NaN, from absurd magnitudes, zeroed) so the shape distances stay finite.
            standard = Double.isNaN(standard) ? 0 : Math.max(-MAX_STANDARD, Math.min(MAX_STANDARD, standard));
        }
        values.add(value);
        extremes.add(value);
        double minLogTail = magnitude.logTail(Math.log1p(beyond));
        for (int j = 0; j < shapes.length; j++) {
            double novelty = shapes[j].novelty(standard);
            if (!Double.isNaN(novelty)) {
                double relative = typical[j].size() < 2 ? 0 : novelty / Math.max(typical[j].quantile(0.5), 1e-3);
                typical[j].add(novelty);
                minLogTail = Math.min(minLogTail, calibrators[j].logTail(Math.log1p(relative)));
            }
        }
        double logP = Math.min(0.0, minLogTail + logChannels);
        double score = Math.max(0.0, Math.min(1.0, -logP / (Math.log(10.0) * options.decades())));
        if (holdOff > 0) {
            holdOff--;
            return 0.0;
        }
        anomaly = score >= options.threshold();
        if (anomaly) {
            holdOff = options.refractory();
        }
        return score;
    }

    @Override
    public boolean isAnomaly() {
        return anomaly;
    }

    /**
     * Everything this detector has learned: its options' sizes, the standardising window, every scale's shape
     * memory, novelty window and calibration history, and the refractory count. About 40,000 values with the
     * default options.
     */
    @Override
    public double[] saveState() {
        DetectorState.Writer out = new DetectorState.Writer(savedSize());
        out.putInt(options.window());
        out.putInt(options.width());
        out.putInt(options.scales());
        out.putInt(options.memory());
        out.putInt(options.history());
        values.save(out);
        for (int j = 0; j < shapes.length; j++) {
            shapes[j].save(out);
            typical[j].save(out);
            calibrators[j].save(out);
        }
        extremes.save(out);
        magnitude.save(out);
        out.putInt(holdOff);
        out.put(anomaly ? 1 : 0);
        return out.toArray();
    }

    /**
     * Puts back a state {@link #saveState} returned by a detector of the same window, width, scales, memory
     * and history.
     *
     * @throws IllegalArgumentException if the state is of other options or damaged; this detector is then
     *                                  unusable
     */
    @Override
    public void restoreState(double[] state) {
        DetectorState.Reader in = new DetectorState.Reader(state);
        int[] sizes = {in.getInt("window", 0, Integer.MAX_VALUE), in.getInt("width", 0, Integer.MAX_VALUE),
                in.getInt("scales", 0, Integer.MAX_VALUE), in.getInt("memory", 0, Integer.MAX_VALUE),
                in.getInt("history", 0, Integer.MAX_VALUE)};
        int[] mine = {options.window(), options.width(), options.scales(), options.memory(), options.history()};
        if (!java.util.Arrays.equals(sizes, mine)) {
            throw new IllegalArgumentException("the saved state is of a detector with window, width, scales,"
                    + " memory, history " + java.util.Arrays.toString(sizes) + "; this one has "
                    + java.util.Arrays.toString(mine));
        }
        values.restore(in);
        for (int j = 0; j < shapes.length; j++) {
            shapes[j].restore(in);
            typical[j].restore(in);
            calibrators[j].restore(in);
        }
        extremes.restore(in);
        magnitude.restore(in);
        holdOff = in.getInt("a refractory count", 0, options.refractory());
        anomaly = in.getInt("an anomaly flag", 0, 1) == 1;
        in.end();
    }

    /** The length of the array {@link #saveState} returns, so that a save allocates that array only. */
    int savedSize() {
        int n = 5 + values.savedSize() + extremes.savedSize() + magnitude.savedSize() + 2;
        for (int j = 0; j < shapes.length; j++) {
            n += shapes[j].savedSize() + typical[j].savedSize() + calibrators[j].savedSize();
        }
        return n;
    }

    private double robustScale(double centre) {
        double iqr = values.quantile(0.75) - values.quantile(0.25);
        double wide = values.quantile(0.95) - values.quantile(0.05);
        double tiny = 1e-9 * Math.max(1.0, Math.abs(centre));
        return Math.max(Math.max(iqr / 1.349, 0.25 * wide / 3.29), tiny);
    }
}
