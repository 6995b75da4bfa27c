package org.streamml.ml.evaluation.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Numenta Anomaly Benchmark's scorer (Lavin and Ahmad, "Evaluating Real-time Anomaly Detection
 * Algorithms - the Numenta Anomaly Benchmark", 2015; the semantics of {@code nab/sweeper.py} in the NAB
 * repository).
 *
 * <p>Each file's first {@code min(floor(0.15 n), 0.15 * 5000)} rows are a probationary period and are not
 * scored. A row is a detection when its anomaly score is {@code >=} the threshold. In each anomaly window
 * only the earliest detection counts, rewarded {@code A_TP * S(p) / S(-1)} with {@code S(x) = 2 sigmoid(-5x)
 * - 1} the scaled sigmoid and {@code p = -(right - i + 1) / width} the row's relative position (so a
 * detection on the window's first row earns exactly {@code A_TP} and one on its last row almost nothing); a
 * window without detection costs {@code A_FN}. A detection outside every window costs {@code A_FP * S(d)},
 * {@code d} its distance past the end of the preceding window in units of that window's width minus one
 * (just after a window almost nothing, from three widths on the full {@code A_FP}), and the full
 * {@code A_FP} before the first window. One threshold serves the whole corpus: the one with the best total,
 * found by sweeping every distinct score from the highest down (ties to the highest threshold). The
 * normalised score is {@code 100 (raw - null) / (perfect - null)}, where the null detector misses every
 * window ({@code -A_FN} each) and the perfect detector fires on each window's first row only ({@code A_TP}
 * each); NAB counts the same windows.
 *
 * <pre>{@code
 * NabScorer scorer = new NabScorer(NabScorer.Options.defaults());
 * NabResult r = scorer.score(series, windows, NabProfile.STANDARD); // windows: e.g. datasets' NabLabels
 * System.out.println(r.normalizedScore());
 * }</pre>
 */
public final class NabScorer {
    /**
     * The scorer's settings.
     *
     * @param probationPercent the fraction of each file's rows not scored (NAB: 0.15), in [0, 1)
     */
    public record Options(double probationPercent) {
        /** Validates the fraction. */
        public Options {
            if (!(probationPercent >= 0 && probationPercent < 1)) {
                throw new IllegalArgumentException("probationPercent must be in [0, 1): " + probationPercent);
            }
        }

        /** NAB's settings: 15 % probation. */
        public static Options defaults() {
            return new Options(0.15);
        }

        /** A copy with {@code probationPercent} changed. */
        public Options withProbationPercent(double probationPercent) {
            return new Options(probationPercent);
        }
    }

    private final Options options;

    /** A scorer with {@code options}. */
    public NabScorer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Scores a detector's output on a corpus for one profile, the threshold optimised over the corpus.
     *
     * @param corpus one series per data file, each named as in {@code windows}
     * @param windows the anomaly windows of each file, keyed by the series' names
     * @throws IllegalArgumentException if a file has no entry in {@code windows}, or the corpus has no window
     *         outside the probationary periods (the normalisation would divide by zero)
     */
    public NabResult score(List<NabSeries> corpus, Map<String, List<NabWindow>> windows, NabProfile profile) {
        Objects.requireNonNull(profile, "profile");
        List<WindowLayout> layouts = layouts(corpus, windows);
        int windowCount = 0;
        for (WindowLayout layout : layouts) {
            windowCount += layout.scoredWindows;
        }
        if (windowCount == 0) {
            throw new IllegalArgumentException("the corpus has no anomaly window after the probationary periods");
        }
        return scoreAt(corpus, layouts, windowCount, profile,
                ThresholdSweep.bestThreshold(corpus, layouts, windowCount, profile));
    }

    /**
     * Scores a detector's output on a corpus for one profile at a given threshold, for example one
     * optimised on other files (cross-validation: a threshold chosen on half of a corpus, scored on the other).
     *
     * @throws IllegalArgumentException as {@link #score}, or if {@code threshold} is NaN
     */
    public NabResult scoreAt(List<NabSeries> corpus, Map<String, List<NabWindow>> windows, NabProfile profile,
            double threshold) {
        Objects.requireNonNull(profile, "profile");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number: NaN");
        }
        List<WindowLayout> layouts = layouts(corpus, windows);
        int windowCount = 0;
        for (WindowLayout layout : layouts) {
            windowCount += layout.scoredWindows;
        }
        if (windowCount == 0) {
            throw new IllegalArgumentException("the corpus has no anomaly window after the probationary periods");
        }
        return scoreAt(corpus, layouts, windowCount, profile, threshold);
    }

    private static NabResult scoreAt(List<NabSeries> corpus, List<WindowLayout> layouts, int windowCount,
            NabProfile profile, double threshold) {
        List<NabFileResult> files = new ArrayList<>(corpus.size());
        double raw = 0;
        for (int f = 0; f < corpus.size(); f++) {
            NabFileResult r = scoreFile(corpus.get(f), layouts.get(f), profile, threshold);
            raw += r.rawScore();
            files.add(r);
        }
        double nullScore = -profile.fnWeight() * windowCount;
        double perfect = profile.tpWeight() * windowCount;
        double normalized = 100.0 * (raw - nullScore) / (perfect - nullScore);
        return new NabResult(profile, threshold, raw, nullScore, perfect, normalized, files);
    }

    /** Scores the corpus for each of {@code profiles}, in order. */
    public List<NabResult> scoreAll(List<NabSeries> corpus, Map<String, List<NabWindow>> windows,
            List<NabProfile> profiles) {
        List<NabResult> out = new ArrayList<>(profiles.size());
        for (NabProfile p : profiles) {
            out.add(score(corpus, windows, p));
        }
        return out;
    }

    private List<WindowLayout> layouts(List<NabSeries> corpus, Map<String, List<NabWindow>> windows) {
        List<WindowLayout> out = new ArrayList<>(corpus.size());
        for (NabSeries s : corpus) {
            List<NabWindow> w = windows.get(s.name());
            if (w == null) {
                throw new IllegalArgumentException("no anomaly windows listed for '" + s.name() + "'");
            }
            out.add(WindowLayout.of(s.timestamps(), w, options.probationPercent()));
        }
        return out;
    }

    private static NabFileResult scoreFile(NabSeries s, WindowLayout layout, NabProfile profile,
            double threshold) {
        double[] best = new double[layout.scoredWindows];
        Arrays.fill(best, Double.NaN);
        double fp = 0;
        int fpCount = 0;
        double[] scores = s.scores();
        for (int i = 0; i < layout.rows; i++) {
            int w = layout.windowOf[i];
            if (w == WindowLayout.PROBATION || !(scores[i] >= threshold)) {
                continue;
            }
            if (w == WindowLayout.OUTSIDE) {
                fp += layout.factor[i] * profile.fpWeight();
                fpCount++;
            } else if (Double.isNaN(best[w])) {
                best[w] = layout.factor[i] * profile.tpWeight();
            }
        }
        double raw = fp;
        int detected = 0;
        for (double b : best) {
            if (Double.isNaN(b)) {
                raw -= profile.fnWeight();
            } else {
                raw += b;
                detected++;
            }
        }
        return new NabFileResult(s.name(), layout.rows, layout.probationaryRows, layout.scoredWindows, detected,
                fpCount, raw);
    }
}
