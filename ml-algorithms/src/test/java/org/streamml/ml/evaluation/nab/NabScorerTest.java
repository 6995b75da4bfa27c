package org.streamml.ml.evaluation.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NabScorerTest {
    private static final long MINUTE = 60_000L;
    private static final long T0 = LocalDateTime.of(2014, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final NabScorer SCORER = new NabScorer(NabScorer.Options.defaults());

    /** 100 rows a minute apart; probation = 15 rows; one window over rows 40..49. */
    private static final Map<String, List<NabWindow>> WINDOWS =
            Map.of("a/f.csv", List.of(new NabWindow(T0 + 40 * MINUTE, T0 + 49 * MINUTE)));

    private static NabSeries series(String name, int rows, int... detections) {
        long[] t = new long[rows];
        double[] s = new double[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = T0 + i * MINUTE;
        }
        for (int d : detections) {
            s[d] = 0.9;
        }
        return new NabSeries(name, t, s);
    }

    private static double scaledSigmoid(double x) {
        return 2 / (1 + Math.exp(5 * x)) - 1;
    }

    private static NabResult standard(NabSeries... series) {
        return SCORER.score(List.of(series), WINDOWS, NabProfile.STANDARD);
    }

    @Test
    void shouldScoreAtAGivenThresholdAsAtTheOptimisedOne() {
        NabSeries s = series("a/f.csv", 100, 20, 40);
        NabResult best = standard(s);
        NabResult at = SCORER.scoreAt(List.of(s), WINDOWS, NabProfile.STANDARD, best.threshold());
        assertEquals(best.rawScore(), at.rawScore(), 1e-12);
        // above every score nothing is detected: the null detector's score
        NabResult none = SCORER.scoreAt(List.of(s), WINDOWS, NabProfile.STANDARD, 0.95);
        assertEquals(-1.0, none.rawScore(), 1e-12);
        assertEquals(0.95, none.threshold());
    }

    @Test
    void shouldScoreTheNullDetectorZero() {
        NabResult r = standard(series("a/f.csv", 100));
        assertEquals(-1.0, r.rawScore(), 1e-12);
        assertEquals(0.0, r.normalizedScore(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, r.threshold());
    }

    @Test
    void shouldScoreThePerfectDetectorHundred() {
        NabResult r = standard(series("a/f.csv", 100, 40));
        assertEquals(1.0, r.rawScore(), 1e-12);
        assertEquals(100.0, r.normalizedScore(), 1e-9);
        assertEquals(0.9, r.threshold());
    }

    @Test
    void shouldRewardADetectionAtTheStartOfAWindowMoreThanOneAtItsEnd() {
        double early = standard(series("a/f.csv", 100, 40)).rawScore();
        double late = standard(series("a/f.csv", 100, 49)).rawScore();
        assertEquals(scaledSigmoid(-0.1) / scaledSigmoid(-1.0), late, 1e-12);
        assertTrue(early > late && late > 0, early + " vs " + late);
        double middle = standard(series("a/f.csv", 100, 45)).rawScore();
        assertEquals(scaledSigmoid(-0.5) / scaledSigmoid(-1.0), middle, 1e-12);
    }

    @Test
    void shouldCountOnlyTheFirstDetectionInAWindow() {
        NabResult r = standard(series("a/f.csv", 100, 42, 45, 49));
        assertEquals(scaledSigmoid(-0.8) / scaledSigmoid(-1.0), r.rawScore(), 1e-12);
        assertEquals(1, r.files().get(0).detectedWindows());
        assertEquals(0, r.files().get(0).falsePositives());
    }

    @Test
    void shouldChargeTheFullFalsePositiveWeightBeforeTheFirstWindow() {
        NabResult r = standard(series("a/f.csv", 100, 20, 40));
        assertEquals(1.0 - 0.11, r.rawScore(), 1e-12);
        assertEquals(1, r.files().get(0).falsePositives());
    }

    @Test
    void shouldChargeFalsePositivesByTheirDistanceAfterTheWindow() {
        double justAfter = standard(series("a/f.csv", 100, 40, 50)).rawScore() - 1.0;
        double farAfter = standard(series("a/f.csv", 100, 40, 90)).rawScore() - 1.0;
        assertEquals(0.11 * scaledSigmoid(1.0 / 9.0), justAfter, 1e-12);
        assertEquals(-0.11, farAfter, 1e-12);
        assertTrue(justAfter > farAfter);
    }

    @Test
    void shouldIgnoreDetectionsInTheProbationaryPeriod() {
        NabResult with = standard(series("a/f.csv", 100, 3, 14, 40));
        NabResult without = standard(series("a/f.csv", 100, 40));
        assertEquals(without.rawScore(), with.rawScore(), 1e-12);
        assertEquals(15, with.files().get(0).probationaryRows());
        NabResult unprotected = standard(series("a/f.csv", 100, 15, 40));
        assertEquals(1.0 - 0.11, unprotected.rawScore(), 1e-12);
    }

    @Test
    void shouldCapTheProbationaryPeriodAtFifteenPercentOfFiveThousandRows() {
        assertEquals(15, WindowLayout.probationaryLength(0.15, 100));
        assertEquals(750, WindowLayout.probationaryLength(0.15, 5000));
        assertEquals(750, WindowLayout.probationaryLength(0.15, 20_000));
    }

    @Test
    void shouldPickTheThresholdThatMaximisesTheCorpusScore() {
        long[] t = new long[100];
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = T0 + i * MINUTE;
            s[i] = 0.1;
        }
        s[20] = 0.95;
        s[30] = 0.9;
        s[44] = 0.8;
        NabResult r = SCORER.score(List.of(new NabSeries("a/f.csv", t, s)), WINDOWS, NabProfile.STANDARD);
        assertEquals(0.8, r.threshold());
        assertEquals(scaledSigmoid(-0.6) / scaledSigmoid(-1.0) - 0.22, r.rawScore(), 1e-12);
    }

    @Test
    void shouldUseOneThresholdForTheWholeCorpus() {
        Map<String, List<NabWindow>> windows = Map.of(
                "a/f.csv", WINDOWS.get("a/f.csv"), "a/g.csv", WINDOWS.get("a/f.csv"));
        NabSeries f = series("a/f.csv", 100, 40);
        NabSeries g = series("a/g.csv", 100);
        NabResult r = SCORER.score(List.of(f, g), windows, NabProfile.STANDARD);
        assertEquals(0.0, r.rawScore(), 1e-12);
        assertEquals(50.0, r.normalizedScore(), 1e-9);
        assertEquals(2, r.files().size());
    }

    @Test
    void shouldWeighMissedWindowsDoubleInTheRewardLowFalseNegativeProfile() {
        Map<String, List<NabWindow>> windows = Map.of(
                "a/f.csv", WINDOWS.get("a/f.csv"), "a/g.csv", WINDOWS.get("a/f.csv"));
        List<NabSeries> corpus = List.of(series("a/f.csv", 100, 40), series("a/g.csv", 100));
        NabResult r = SCORER.score(corpus, windows, NabProfile.REWARD_LOW_FN);
        assertEquals(1.0 - 2.0, r.rawScore(), 1e-12);
        assertEquals(-4.0, r.nullScore(), 1e-12);
        assertEquals(100.0 * 3 / 6, r.normalizedScore(), 1e-9);
    }

    @Test
    void shouldChargeDoubleForFalsePositivesInTheRewardLowFalsePositiveProfile() {
        NabResult r = SCORER.score(List.of(series("a/f.csv", 100, 20, 40)), WINDOWS, NabProfile.REWARD_LOW_FP);
        assertEquals(1.0 - 0.22, r.rawScore(), 1e-12);
    }

    @Test
    void shouldLayAWindowWhoseLimitsFallBetweenRowsOverTheRowsInside() {
        Map<String, List<NabWindow>> between = Map.of("a/f.csv",
                List.of(new NabWindow(T0 + 39 * MINUTE + 30_000L, T0 + 49 * MINUTE + 30_000L)));
        NabResult r = SCORER.score(List.of(series("a/f.csv", 100, 40)), between, NabProfile.STANDARD);
        assertEquals(1.0, r.rawScore(), 1e-12);
    }

    @Test
    void shouldEnterAWindowAtTheFirstOfDuplicateTimestamps() {
        long[] t = new long[100];
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = T0 + (i <= 40 ? i : i - 1) * MINUTE;
        }
        s[41] = 0.9;
        NabResult r = SCORER.score(List.of(new NabSeries("a/f.csv", t, s)), Map.of("a/f.csv",
                List.of(new NabWindow(T0 + 40 * MINUTE, T0 + 49 * MINUTE))), NabProfile.STANDARD);
        assertEquals(scaledSigmoid(-10.0 / 11.0) / scaledSigmoid(-1.0), r.rawScore(), 1e-12);
    }

    @Test
    void shouldRejectAFileWithoutWindows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> standard(series("b/other.csv", 100, 40)));
        assertTrue(e.getMessage().contains("b/other.csv"), e.getMessage());
    }

    @Test
    void shouldRejectACorpusWithoutScoredWindows() {
        Map<String, List<NabWindow>> early = Map.of("a/f.csv", List.of(new NabWindow(T0, T0 + 5 * MINUTE)));
        assertThrows(IllegalArgumentException.class,
                () -> SCORER.score(List.of(series("a/f.csv", 100)), early, NabProfile.STANDARD));
    }

    @Test
    void shouldRejectNonFiniteScores() {
        assertThrows(IllegalArgumentException.class,
                () -> new NabSeries("a/f.csv", new long[] {T0}, new double[] {Double.NaN}));
    }
}
