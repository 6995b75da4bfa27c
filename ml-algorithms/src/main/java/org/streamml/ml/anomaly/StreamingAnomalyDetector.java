package org.streamml.ml.anomaly;

/**
 * The toolkit's streaming anomaly detector. See the module's README-anomaly.md for the method.
 */
public final class StreamingAnomalyDetector implements AnomalyDetector {
    /**
     * The detector's settings; one configuration serves every series.
     *
     * @param window the number of recent values whose median and spread standardise the series, &gt;= 8
     * @param lags the past values the forecaster regresses on, &gt;= 1
     * @param forgetting the forecaster's forgetting factor, in (0, 1]
     * @param history the raw scores the likelihood's normal fit covers, &gt;= 16
     * @param shortWindow the raw scores the likelihood averages, in [1, history]
     * @param decades the tail probability 10^-decades that scores 1, &gt; 0
     * @param threshold the score from which a record is labelled an anomaly, in (0, 1]
     * @param refractory the records after an anomaly whose scores are damped, &gt;= 0
     * @param warmup the records scored 0 while the statistics fill, &gt;= lags
     */
    public record Options(int window, int lags, double forgetting, int history, int shortWindow, double decades,
            double threshold, int refractory, int warmup) {
        /** Validates every setting. */
        public Options {
            check(window >= 8, "window must be >= 8: " + window);
            check(lags >= 1, "lags must be >= 1: " + lags);
            check(forgetting > 0 && forgetting <= 1, "forgetting must be in (0, 1]: " + forgetting);
            check(history >= 16, "history must be >= 16: " + history);
            check(shortWindow >= 1 && shortWindow <= history, "shortWindow must be in [1, history]: " + shortWindow);
            check(decades > 0 && Double.isFinite(decades), "decades must be > 0: " + decades);
            check(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]: " + threshold);
            check(refractory >= 0, "refractory must be >= 0: " + refractory);
            check(warmup >= lags, "warmup must be >= lags: " + warmup);
        }

        /** The defaults: the one configuration used for every series. */
        public static Options defaults() {
            return new Options(256, 4, 0.995, 2000, 6, 10.0, 0.5, 0, 32);
        }

        /** A copy with {@code window} changed. */
        public Options withWindow(int window) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code lags} changed. */
        public Options withLags(int lags) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code forgetting} changed. */
        public Options withForgetting(double forgetting) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code history} changed. */
        public Options withHistory(int history) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code shortWindow} changed. */
        public Options withShortWindow(int shortWindow) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code decades} changed. */
        public Options withDecades(double decades) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code threshold} changed. */
        public Options withThreshold(double threshold) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code refractory} changed. */
        public Options withRefractory(int refractory) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        /** A copy with {@code warmup} changed. */
        public Options withWarmup(int warmup) {
            return new Options(window, lags, forgetting, history, shortWindow, decades, threshold, refractory, warmup);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    static double TAILQ = Double.parseDouble(System.getProperty("tailq", "0.99"));
    static String MODE = System.getProperty("mode", "all");
    private static final double LN10 = Math.log(10.0);

    private final Options options;
    private final RollingQuantiles values;
    private final RollingQuantiles residuals;
    private final Forecaster forecaster;
    private final AnomalyLikelihood likelihood;
    private final ShapeMemory shapes = new ShapeMemory(Integer.getInteger("sw", 8), Integer.getInteger("sm", 1000));
    private final TailCalibrator calValue = new TailCalibrator(Integer.getInteger("ch", 2000), 0.02, 100);
    private final TailCalibrator calResid = new TailCalibrator(Integer.getInteger("ch", 2000), 0.02, 100);
    private final TailCalibrator calShape = new TailCalibrator(Integer.getInteger("ch", 2000), 0.02, 100);
    private final TailCalibrator calLevel = new TailCalibrator(Integer.getInteger("ch", 2000), 0.02, 100);
    private final double[] levelRing = new double[Integer.getInteger("lm", 12)];
    private int levelNext;
    private int levelCount;
    private double levelSum;
    private final RollingQuantiles novelties = new RollingQuantiles(256);
    private long seen;
    private int quiet;
    private boolean anomaly;

    /** A fresh detector with {@code options}. */
    public StreamingAnomalyDetector(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.values = new RollingQuantiles(options.window());
        this.residuals = new RollingQuantiles(options.window());
        this.forecaster = new Forecaster(options.lags(), options.forgetting());
        this.likelihood = new AnomalyLikelihood(options.history(), options.shortWindow(), 0.01, TAILQ);
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
        seen++;
        if (values.size() < 2) {
            values.add(value);
            forecaster.residual(timestampMillis, value, value, 1.0);
            return 0.0;
        }
        double centre = values.quantile(0.5);
        double scale = robustScale(centre);
        double valueZ = Math.abs(value - centre) / scale;
        double residual = forecaster.residual(timestampMillis, value, centre, scale);
        double residualScale = residuals.size() < 2 ? 1.0 : Math.max(residuals.quantile(0.5) * 1.4826, 1e-3);
        double residualZ = Math.abs(residual) / residualScale;
        double novelty = shapes.novelty((value - centre) / scale);
        double shapeZ = 0;
        if (!Double.isNaN(novelty)) {
            shapeZ = novelties.size() < 2 ? 0 : novelty / Math.max(novelties.quantile(0.5), 1e-3);
            novelties.add(novelty);
        }
        values.add(value);
        residuals.add(Math.abs(residual));
        levelSum += value;
        levelRing[levelNext] = value;
        levelNext = (levelNext + 1) % levelRing.length;
        if (levelCount < levelRing.length) {
            levelCount++;
        } else {
            levelSum -= levelRing[levelNext];
        }
        double levelZ = Math.abs(levelSum / levelCount - centre) / scale;
        double lv = calValue.logTail(Math.log1p(valueZ));
        double lr = calResid.logTail(Math.log1p(residualZ));
        double lk = calShape.logTail(Math.log1p(shapeZ));
        double ll = calLevel.logTail(Math.log1p(levelZ));
        double lp = switch (MODE) {
            case "v" -> lv;
            case "r" -> lr;
            case "k" -> lk;
            case "l" -> ll;
            case "vrk" -> Math.min(lv, Math.min(lr, lk)) + Math.log(3);
            case "vr" -> Math.min(lv, lr) + Math.log(2);
            case "rk" -> Math.min(lr, lk) + Math.log(2);
            default -> Math.min(Math.min(lv, ll), Math.min(lr, lk)) + Math.log(4);
        };
        if (seen <= options.warmup()) {
            return 0.0;
        }
        double score = Math.max(0, Math.min(1.0, -lp / (LN10 * options.decades())));
        if (quiet > 0) {
            quiet--;
            score *= 0.5;
        }
        anomaly = score >= options.threshold();
        if (anomaly) {
            quiet = options.refractory();
        }
        return score;
    }

    @Override
    public boolean isAnomaly() {
        return anomaly;
    }

    private double robustScale(double centre) {
        double iqr = values.quantile(0.75) - values.quantile(0.25);
        double wide = (values.quantile(0.95) - values.quantile(0.05)) / 3.29;
        double tiny = 1e-9 * Math.max(1.0, Math.abs(centre));
        return Math.max(Math.max(iqr / 1.349, 0.25 * wide), tiny);
    }
}
