package org.streamml.datasets.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorGeneratorTest {
    private static final int STEPS = 40_000;
    private static final SensorGenerator GENERATOR = new SensorGenerator(SensorGenerator.Options.defaults(), 21,
            4L * STEPS);

    @Test
    void shouldLabelEveryReadingExactlyWhenItLiesInAWindowOfItsChannel() {
        List<AnomalyWindow> windows = GENERATOR.windows(STEPS);
        AnomalyKind[][] truth = new AnomalyKind[4][STEPS];
        for (AnomalyKind[] row : truth) {
            java.util.Arrays.fill(row, AnomalyKind.NONE);
        }
        for (AnomalyWindow w : windows) {
            for (long s = w.startStep(); s <= Math.min(w.endStep(), STEPS - 1); s++) {
                truth[w.channel()][(int) s] = w.kind();
            }
        }
        long index = 0;
        for (SensorReading r : GENERATOR) {
            assertEquals(index / 4, r.step());
            assertEquals(index % 4, r.channel());
            assertEquals(truth[r.channel()][(int) r.step()], r.anomaly(), "step " + r.step());
            index++;
        }
    }

    @Test
    void shouldInjectEveryKindAtTheConfiguredRate() {
        List<AnomalyWindow> windows = GENERATOR.windows(STEPS);
        // One window per meanGap (2000) steps and channel on average, less the time spent inside windows.
        assertTrue(windows.size() > 60 && windows.size() < 90, "windows: " + windows.size());
        Map<AnomalyKind, Integer> kinds = new EnumMap<>(AnomalyKind.class);
        for (AnomalyWindow w : windows) {
            kinds.merge(w.kind(), 1, Integer::sum);
            if (w.kind() == AnomalyKind.SPIKE) {
                assertEquals(1, w.length());
            } else {
                assertTrue(w.length() >= 12 && w.length() <= 72, "length " + w.length());
            }
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(AnomalyKind.NONE)), kinds.keySet());
    }

    @Test
    void shouldMakeAnomaliesStandOutFromTheirChannelsNormalBehaviour() {
        double[] previous = new double[4];
        double[] sumSq = new double[4];
        long[] count = new long[4];
        for (SensorReading r : GENERATOR) {
            if (r.step() > 0 && !r.isAnomaly()) {
                double d = r.value() - previous[r.channel()];
                sumSq[r.channel()] += d * d;
                count[r.channel()]++;
            }
            previous[r.channel()] = r.value();
        }
        int spikes = 0;
        int bigSpikes = 0;
        int stuckRepeats = 0;
        int stuckReadings = 0;
        for (SensorReading r : GENERATOR) {
            int c = r.channel();
            double normalStepSd = Math.sqrt(sumSq[c] / count[c]);
            if (r.anomaly() == AnomalyKind.SPIKE) {
                spikes++;
                // A spike moves 6 to 10 sigma; a normal step moves about 1.4 sigma.
                bigSpikes += Math.abs(r.value() - previous[c]) > 3 * normalStepSd ? 1 : 0;
            }
            if (r.anomaly() == AnomalyKind.STUCK) {
                stuckReadings++;
                stuckRepeats += r.value() == previous[c] ? 1 : 0;
            }
            previous[c] = r.value();
        }
        assertTrue(spikes > 5 && bigSpikes >= 0.8 * spikes, bigSpikes + " of " + spikes);
        assertTrue(stuckReadings > 0);
        assertTrue(stuckRepeats >= stuckReadings - 20, stuckRepeats + " of " + stuckReadings);
    }

    @Test
    void shouldInjectNothingWhenNoKindIsEnabled() {
        SensorGenerator quiet = new SensorGenerator(SensorGenerator.Options.defaults().withKinds(EnumSet.noneOf(
                AnomalyKind.class)), 3, 10_000);
        assertTrue(quiet.windows(10_000).isEmpty());
        for (SensorReading r : quiet) {
            assertEquals(AnomalyKind.NONE, r.anomaly());
        }
    }
}
