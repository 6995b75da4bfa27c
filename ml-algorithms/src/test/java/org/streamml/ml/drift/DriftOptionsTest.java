package org.streamml.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every detector's options: the documented defaults, copies, and one message format for bad settings. */
class DriftOptionsTest {
    @Test
    void shouldDefaultToThePublishedSettings() {
        assertEquals(new Adwin.Options(0.002, 5, 32, 5), Adwin.Options.defaults());
        assertEquals(new Ddm.Options(30, 2.0, 3.0), Ddm.Options.defaults());
        assertEquals(new Eddm.Options(30, 30, 0.95, 0.90), Eddm.Options.defaults());
        assertEquals(new PageHinkley.Options(30, 0.005, 50.0, 1 - 0.0001), PageHinkley.Options.defaults());
        assertEquals(new Kswin.Options(100, 30, 0.005, 42L), Kswin.Options.defaults());
    }

    @Test
    void shouldCopyWithOneSettingChanged() {
        assertEquals(0.01, Adwin.Options.defaults().withDelta(0.01).delta());
        assertEquals(64, Adwin.Options.defaults().withClock(64).clock());
        assertEquals(2.5, Ddm.Options.defaults().withWarningLevel(2.5).warningLevel());
        assertEquals(0.8, Eddm.Options.defaults().withDriftRatio(0.8).driftRatio());
        assertEquals(20.0, PageHinkley.Options.defaults().withLambda(20).lambda());
        assertEquals(7L, Kswin.Options.defaults().withSeed(7).seed());
    }

    @Test
    void shouldRejectBadSettingsNamingThem() {
        rejects("delta must be in (0, 1): 2.0", () -> Adwin.Options.defaults().withDelta(2.0));
        rejects("maxBuckets must be >= 2: 1", () -> Adwin.Options.defaults().withMaxBuckets(1));
        rejects("minInstances must be >= 1: 0", () -> Ddm.Options.defaults().withMinInstances(0));
        rejects("driftLevel must be >= warningLevel (2.0) and finite: 1.0",
                () -> Ddm.Options.defaults().withDriftLevel(1.0));
        rejects("warningRatio must be in (0, 1]: 1.5", () -> Eddm.Options.defaults().withWarningRatio(1.5));
        rejects("alpha must be in (0, 1]: 0.0", () -> PageHinkley.Options.defaults().withAlpha(0));
        rejects("windowSize must be in [2 * statSize = 60, 2^24]: 50", () -> Kswin.Options.defaults().withWindowSize(50));
        rejects("alpha must be in (0, 1): 1.0", () -> Kswin.Options.defaults().withAlpha(1));
    }

    private static void rejects(String message, Executable make) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, make).getMessage());
    }
}
