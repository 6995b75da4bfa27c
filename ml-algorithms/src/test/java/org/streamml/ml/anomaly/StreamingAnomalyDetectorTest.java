package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingAnomalyDetectorTest {
    private static final long STEP = 300_000L;

    private static double[] noisySine(long seed, int n) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 50 + 5 * Math.sin(2 * Math.PI * i / 144) + rnd.nextGaussian();
        }
        return v;
    }

    private static double[] run(AnomalyDetector d, double[] values) {
        double[] s = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = d.score(i * STEP, values[i]);
        }
        return s;
    }

    @Test
    void shouldNotLetFutureRecordsChangePastScores() {
        double[] full = noisySine(1, 3000);
        full[2500] += 40;
        double[] prefix = java.util.Arrays.copyOf(full, 2000);
        double[] fromFull = java.util.Arrays.copyOf(run(new StreamingAnomalyDetector(), full), 2000);
        assertArrayEquals(run(new StreamingAnomalyDetector(), prefix), fromFull);
    }

    @Test
    void shouldGiveTheSameScoresOnEveryRun() {
        double[] v = noisySine(2, 2500);
        assertArrayEquals(run(new StreamingAnomalyDetector(), v), run(new StreamingAnomalyDetector(), v));
    }

    @Test
    void shouldKeepScoresInTheUnitInterval() {
        Random rnd = new Random(3);
        double[] v = new double[3000];
        for (int i = 0; i < v.length; i++) {
            double u = rnd.nextDouble();
            v[i] = u < 0.01 ? rnd.nextGaussian() * 1e300 : u < 0.05 ? rnd.nextGaussian() * 1e6
                    : (i % 7 == 0 ? 0 : rnd.nextInt(3));
        }
        for (double s : run(new StreamingAnomalyDetector(), v)) {
            assertTrue(s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void shouldFlagASpikeInANoisyPeriodicSeries() {
        double[] v = noisySine(4, 3000);
        v[2400] += 25;
        StreamingAnomalyDetector d = new StreamingAnomalyDetector();
        boolean flagged = false;
        for (int i = 0; i < v.length; i++) {
            d.score(i * STEP, v[i]);
            if (i >= 2400 && i < 2405) {
                flagged |= d.isAnomaly();
            }
        }
        assertTrue(flagged);
    }

    /** The magnitude channel: a series that creeps beyond the range of its long history is an incident. */
    @Test
    void shouldFlagASlowClimbBeyondTheSeriesRange() {
        double[] v = noisySine(6, 3300);
        for (int i = 2400; i < v.length; i++) {
            v[i] += 0.05 * (i - 2400);          // +15 over 300 records, then stays: far above the old maxima
        }
        StreamingAnomalyDetector d = new StreamingAnomalyDetector();
        int firstAlarm = -1;
        for (int i = 0; i < v.length; i++) {
            d.score(i * STEP, v[i]);
            if (d.isAnomaly() && i >= 2400 && firstAlarm < 0) {
                firstAlarm = i;
            }
        }
        assertTrue(firstAlarm >= 2400 && firstAlarm < 2700, "first alarm in the climb: " + firstAlarm);
    }

    @Test
    void shouldAlarmRarelyOnStationaryNoise() {
        double[] v = noisySine(5, 6000);
        StreamingAnomalyDetector d = new StreamingAnomalyDetector();
        int alarms = 0;
        for (int i = 0; i < v.length; i++) {
            d.score(i * STEP, v[i]);
            alarms += d.isAnomaly() ? 1 : 0;
        }
        assertTrue(alarms <= 20, alarms + " alarms in 6000 records of noise");
    }

    @Test
    void shouldStayQuietOnAConstantSeriesAndFlagItsFirstChange() {
        StreamingAnomalyDetector d = new StreamingAnomalyDetector();
        for (int i = 0; i < 1000; i++) {
            assertEquals(0.0, d.score(i * STEP, 42.0));
            assertFalse(d.isAnomaly());
        }
        d.score(1000 * STEP, 43.0);
        assertTrue(d.isAnomaly());
    }

    @Test
    void shouldScoreMissingValuesZeroWithoutLearningFromThem() {
        double[] v = noisySine(6, 1500);
        StreamingAnomalyDetector withGap = new StreamingAnomalyDetector();
        StreamingAnomalyDetector without = new StreamingAnomalyDetector();
        for (int i = 0; i < v.length; i++) {
            if (i == 700) {
                assertEquals(0.0, withGap.score(i * STEP, Double.NaN));
                assertFalse(withGap.isAnomaly());
            }
            assertEquals(without.score(i * STEP, v[i]), withGap.score(i * STEP, v[i]));
        }
    }

    @Test
    void shouldHoldOffAfterAnAlarm() {
        double[] v = noisySine(7, 3000);
        v[2400] += 25;
        v[2410] += 25;
        double[] s = run(new StreamingAnomalyDetector(), v);
        int alarm = -1;
        for (int i = 2400; i < 2405 && alarm < 0; i++) {
            alarm = s[i] >= 0.5 ? i : -1;
        }
        assertTrue(alarm >= 0);
        for (int i = alarm + 1; i <= alarm + 100; i++) {
            assertEquals(0.0, s[i], "record " + i);
        }
    }

    @Test
    void shouldValidateOptions() {
        StreamingAnomalyDetector.Options d = StreamingAnomalyDetector.Options.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withWidth(1));
        assertEquals("width must be >= 2: 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> d.withScales(9));
        assertThrows(IllegalArgumentException.class, () -> d.withHistory(99));
        assertThrows(IllegalArgumentException.class, () -> d.withDecades(Double.NaN));
        assertEquals(200, d.withRefractory(200).refractory());
    }

    @Test
    void aRestoredStateScoresTheRestOfTheSeriesExactlyAsTheUninterruptedDetector() {
        double[] values = noisySine(5, 4000);
        values[3100] += 30;
        values[3600] = Double.NaN;
        double[] unbroken = run(new StreamingAnomalyDetector(), values);
        // cut before the windows fill (40), mid-way (1500), after every window wrapped (3050), just after an anomaly
        for (int cut : new int[] {40, 1500, 3050, 3101}) {
            StreamingAnomalyDetector first = new StreamingAnomalyDetector();
            for (int i = 0; i < cut; i++) {
                first.score(i * STEP, values[i]);
            }
            double[] state = first.saveState();
            StreamingAnomalyDetector resumed = new StreamingAnomalyDetector();
            resumed.restoreState(state.clone());
            for (int i = cut; i < values.length; i++) {
                assertEquals(unbroken[i], resumed.score(i * STEP, values[i]), "record " + i + " after a cut at " + cut);
                first.score(i * STEP, values[i]);   // the original goes on too
                assertEquals(first.isAnomaly(), resumed.isAnomaly(), "record " + i + " after a cut at " + cut);
            }
            assertArrayEquals(first.saveState(), resumed.saveState());
        }
    }

    @Test
    void aStateOfOtherOptionsOrADamagedStateIsRefusedWithItsReason() {
        StreamingAnomalyDetector d = new StreamingAnomalyDetector();
        double[] state = d.saveState();
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () ->
                new StreamingAnomalyDetector(StreamingAnomalyDetector.Options.defaults().withWindow(500))
                        .restoreState(state));
        assertTrue(other.getMessage().contains("[1000, 8, 3, 1000, 2000]") && other.getMessage().contains("[500,"),
                other.getMessage());
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () ->
                new StreamingAnomalyDetector().restoreState(java.util.Arrays.copyOf(state, state.length - 1)));
        assertTrue(cut.getMessage().contains("ends after"), cut.getMessage());
        double[] bad = state.clone();
        bad[5] = 1e9;
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () ->
                new StreamingAnomalyDetector().restoreState(bad));
        assertTrue(size.getMessage().contains("window size 1.0E9"), size.getMessage());
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class, () ->
                new StreamingAnomalyDetector().restoreState(java.util.Arrays.copyOf(state, state.length + 2)));
        assertTrue(longer.getMessage().contains("2 values more"), longer.getMessage());
    }

    @Test
    void aSaveAllocatesExactlyTheStateItReturns() {
        // savedSize() sizes the writer, so that the keyed operator's save per series and batch is one array
        StreamingAnomalyDetector d = new StreamingAnomalyDetector();
        Random rnd = new Random(17);
        assertEquals(d.savedSize(), d.saveState().length, "a fresh detector");
        for (int i = 1; i <= 2500; i++) {
            d.score(i * 60_000L, i % 501 == 0 ? Double.NaN : Math.sin(i / 25.0) + 0.3 * rnd.nextGaussian());
            if (i % 97 == 0 || i == 2500) {
                assertEquals(d.savedSize(), d.saveState().length, "after " + i + " records");
            }
        }
    }
}
