package org.streamml.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** KSWIN's stated properties: its exact test, its false-alarm rate, its reaction to a shift, its window. */
class KswinTest {
    @Test
    void shouldComputeTheExactPValueOfEqualSamplesByEnumeration() {
        int r = 4;
        int[] atLeast = new int[r + 1];
        int arrangements = 0;
        // Every way of placing r labels "a" among 2r distinct values, equally likely under the null.
        for (int mask = 0; mask < 1 << (2 * r); mask++) {
            if (Integer.bitCount(mask) != r) {
                continue;
            }
            arrangements++;
            int gap = 0;
            int diff = 0;
            for (int i = 0; i < 2 * r; i++) {
                diff += (mask >> i & 1) == 1 ? 1 : -1;
                gap = Math.max(gap, Math.abs(diff));
            }
            for (int k = 0; k <= gap; k++) {
                atLeast[k]++;
            }
        }

        for (int k = 0; k <= r; k++) {
            assertEquals((double) atLeast[k] / arrangements, KolmogorovSmirnov.pValue(k, r), 1e-12, "k = " + k);
        }
    }

    @Test
    void shouldMeasureTheGapBetweenDistributionFunctionsAcrossTies() {
        assertEquals(0, KolmogorovSmirnov.gap(new double[] {1, 2, 2, 3}, new double[] {1, 2, 2, 3}));
        assertEquals(4, KolmogorovSmirnov.gap(new double[] {1, 1, 1, 1}, new double[] {2, 2, 2, 2}));
        assertEquals(1, KolmogorovSmirnov.gap(new double[] {1, 2, 3, 4}, new double[] {1.5, 2.5, 3.5, 4.5}));
    }

    @Test
    void shouldAlarmOnStationaryDataAtARateOfAtMostAlphaPerTest() {
        Kswin detector = new Kswin(Kswin.Options.defaults().withSeed(3));
        Random rnd = new Random(5);
        int drifts = 0;
        for (int i = 0; i < 300_000; i++) {
            if (detector.add(rnd.nextGaussian()) == DriftSignal.DRIFT) {
                drifts++;
            }
        }

        double rate = (double) drifts / detector.tests();
        assertTrue(rate <= 0.005 && rate > 0.0005, "false alarms per test: " + rate);
    }

    @Test
    void shouldDetectAnAbruptMeanShiftSoonAfterIt() {
        int[] delays = new int[20];
        for (int seed = 0; seed < delays.length; seed++) {
            Kswin detector = new Kswin(Kswin.Options.defaults().withSeed(seed));
            Random rnd = new Random(100 + seed);
            int detectedAt = -1;
            for (int i = 0; i < 2000 && detectedAt < 0; i++) {
                double x = (i < 1000 ? 0 : 2) + rnd.nextGaussian();
                if (detector.add(x) == DriftSignal.DRIFT && i >= 1000) {
                    detectedAt = i;
                }
            }
            delays[seed] = detectedAt - 1000;
        }

        java.util.Arrays.sort(delays);
        // A false alarm just before the shift leaves the window refilling, hence the looser bound on the worst.
        assertTrue(delays[0] >= 0 && delays[delays.length - 1] < 100, java.util.Arrays.toString(delays));
        assertTrue(delays[delays.length / 2] < 25, "median delay: " + java.util.Arrays.toString(delays));
    }

    @Test
    void shouldTestOnlyAFullWindowAndKeepTheRecentSampleAfterADrift() {
        Kswin detector = new Kswin(Kswin.Options.defaults());
        for (int i = 0; i < 99; i++) {
            assertEquals(DriftSignal.NONE, detector.add(i % 7));
        }
        assertEquals(0, detector.tests());
        assertTrue(Double.isNaN(detector.statistic()));

        detector.add(0.5);
        assertEquals(1, detector.tests());
        assertEquals(99, detector.size());

        DriftSignal signal = DriftSignal.NONE;
        while (signal != DriftSignal.DRIFT) {
            signal = detector.add(1000);
        }
        assertEquals(30, detector.size());
        long tests = detector.tests();
        for (int i = 0; i < 69; i++) {
            detector.add(1000);
        }
        assertEquals(tests, detector.tests());
    }

    @Test
    void shouldReproduceItsSamplesFromTheSeed() {
        Random rnd = new Random(9);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() + (i > 2500 ? 0.7 : 0);
        }

        DriftSignal[] a = DriftTraces.replay(new Kswin(Kswin.Options.defaults().withSeed(1)), x);
        DriftSignal[] b = DriftTraces.replay(new Kswin(Kswin.Options.defaults().withSeed(1)), x);

        assertEquals(java.util.Arrays.asList(a), java.util.Arrays.asList(b));
    }
}
