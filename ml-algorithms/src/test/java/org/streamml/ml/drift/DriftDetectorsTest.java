package org.streamml.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.drift.adaptation.AdaptiveLearner;
import org.streamml.ml.drift.adaptation.DriftPolicy;

/** The detectors and policies by their command-line names, and the adaptation options' checks. */
class DriftDetectorsTest {

    @Test
    void shouldCreateEachDetectorByNameWithDefaults() {
        assertEquals(List.of("adwin", "ddm", "eddm", "page-hinkley", "kswin"), DriftDetectors.names());
        assertEquals(List.of("ADWIN", "DDM", "EDDM", "PageHinkley", "KSWIN"),
                DriftDetectors.names().stream().map(n -> DriftDetectors.create(n).name()).toList());
        assertTrue(DriftDetectors.readsOnlyZeroOne("DDM") && DriftDetectors.readsOnlyZeroOne("eddm"));
        assertFalse(DriftDetectors.readsOnlyZeroOne("adwin"));
    }

    @Test
    void shouldRefuseAnUnknownDetectorOrPolicyListingTheKnownOnes() {
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> DriftDetectors.create("x"));
        assertEquals("unknown drift detector 'x' (expected adwin, ddm, eddm, page-hinkley, kswin)", d.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> DriftPolicy.parse("retrain"));
        assertEquals("unknown drift policy 'retrain' (expected reset, reset-to-offline, raise-forgetting or"
                + " background)", p.getMessage());
    }

    @Test
    void shouldParseEveryPolicyFromItsCliName() {
        for (DriftPolicy policy : DriftPolicy.values()) {
            assertEquals(policy, DriftPolicy.parse(policy.cliName()));
        }
        assertEquals("reset-to-offline", DriftPolicy.RESET_TO_OFFLINE.cliName());
    }

    @Test
    void shouldValidateTheAdaptationOptions() {
        AdaptiveLearner.Options o = AdaptiveLearner.Options.defaults();
        assertEquals(DriftPolicy.RESET, o.policy());
        assertEquals("boostBatches must be >= 1: 0",
                assertThrows(IllegalArgumentException.class, () -> o.withBoostBatches(0)).getMessage());
        assertEquals("forgettingScale must be in [0, 1): 1.0",
                assertThrows(IllegalArgumentException.class, () -> o.withForgettingScale(1.0)).getMessage());
        assertThrows(NullPointerException.class, () -> o.withPolicy(null));
    }
}
